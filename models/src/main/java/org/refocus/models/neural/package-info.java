/**
 * Neural restoration on DJL: Keras layers models imported from TF.js into DJL blocks, converted
 * once into DJL parameters, run tile by tile on the configured engine.
 */
package org.refocus.models.neural;

/**
 * Reading TF.js model files: the Keras layers topology and the binary weight shards, exactly as the
 * TF.js converter writes them, without TensorFlow.
 */
package org.refocus.models.tfjs;

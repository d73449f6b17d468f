/**
 * JPEG compression numerics: the 8×8 DCT JPEG quantises, quantisation tables, and reading a past
 * compression back out of decoded pixels.
 */
package org.refocus.models.jpeg;

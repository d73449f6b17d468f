package org.refocus.models.assess;

/**
 * Where a linear motion blur's cepstral dip lies.
 *
 * @param angleDegrees direction of the motion, 0..180, 0 = horizontal, counter-clockwise as
 *     displayed
 * @param lengthPixels extent of the motion in pixels
 * @param strength how far the dip at that direction lies below the cepstrum's mean at the same
 *     distance, in units of its spread there: large for real motion blur, small for none
 */
public record MotionEstimate(double angleDegrees, double lengthPixels, double strength) {}

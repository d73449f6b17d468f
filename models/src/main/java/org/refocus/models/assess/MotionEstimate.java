package org.refocus.models.assess;

/**
 * Where a linear motion blur's cepstral dip lies.
 *
 * @param angleDegrees direction of the motion, 0..180, 0 = horizontal, counter-clockwise as
 *     displayed
 * @param lengthPixels extent of the motion in pixels
 * @param strength how well the comb of that length fits the log spectrum projected on that
 *     direction (mean depth of the dips, in natural-log units): clearly higher for straight motion
 *     than for a sharp photograph
 */
public record MotionEstimate(double angleDegrees, double lengthPixels, double strength) {}

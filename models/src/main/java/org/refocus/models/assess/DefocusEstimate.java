package org.refocus.models.assess;

/**
 * Where a defocus disk's spectral rings lie.
 *
 * @param radiusPixels radius of the blur disk in pixels
 * @param strength how well the rings of that radius fit the radial spectrum (0: not at all)
 */
public record DefocusEstimate(double radiusPixels, double strength) {}

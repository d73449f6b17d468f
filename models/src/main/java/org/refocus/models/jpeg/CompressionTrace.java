package org.refocus.models.jpeg;

/**
 * The JPEG compression an image's pixels still show.
 *
 * @param table the luma quantiser: measured where the coefficients show it, the nearest standard
 *     table's steps where they do not
 * @param gridX column where the 8×8 block grid starts (0..7; not 0 when the image was cropped)
 * @param gridY row where the block grid starts (0..7)
 * @param measuredSteps how many of the 64 steps the coefficients showed directly
 */
public record CompressionTrace(QuantisationTable table, int gridX, int gridY, int measuredSteps) {}

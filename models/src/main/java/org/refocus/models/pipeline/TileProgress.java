package org.refocus.models.pipeline;

/**
 * Told how far a tiled (neural) step has got, after each tile. MAXIM takes minutes per megapixel on
 * a CPU, so a caller with someone watching shows it.
 */
@FunctionalInterface
public interface TileProgress {

  TileProgress NONE = (step, done, total) -> {};

  /**
   * @param step the step's name (deblur, denoise, upscale)
   * @param done tiles finished so far
   * @param total the step's tiles
   */
  void tileDone(String step, int done, int total);
}

package org.refocus.models.neural;

/**
 * Receives finished output rows in order, so an output larger than memory can be written as it is
 * made.
 */
@FunctionalInterface
public interface RowSink {

  /**
   * @param y the first row's index in the output
   * @param rows how many rows
   * @param width output width
   * @param planes RGB planes holding {@code rows × width} samples each (0..1), valid only during
   *     the call
   */
  void accept(int y, int rows, int width, float[][] planes);
}

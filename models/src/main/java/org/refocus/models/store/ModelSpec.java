package org.refocus.models.store;

/**
 * One model inside a package.
 *
 * @param id the name presets and the CLI use, e.g. {@code esrgan-thick-x4}
 * @param modelJson the TF.js model file inside the package; its weight shards sit beside it
 * @param format {@code tfjs-layers} (Keras layers) or {@code tfjs-graph}
 * @param architecture {@code rdn}, {@code rrdn}, {@code maxim}
 * @param scale enlargement factor, 1 for restoration models
 * @param inputRange {@code 0-255} or {@code 0-1}: the pixel scale the model was trained on
 * @param fixture the package's test input
 * @param sample the package's result on the fixture from the original runtime, or null where the
 *     package ships none for this model
 * @param sizeMultiple what the input's height and width must be multiples of (MAXIM's multi-scale
 *     blocks: 64); absent, any size
 */
public record ModelSpec(
    String id,
    String modelJson,
    String format,
    String architecture,
    int scale,
    String inputRange,
    String fixture,
    String sample,
    Integer sizeMultiple) {

  public ModelSpec {
    sizeMultiple = sizeMultiple == null ? 1 : sizeMultiple;
    if (sizeMultiple < 1) {
      throw new IllegalArgumentException(id + ": sizeMultiple must be positive");
    }
  }
}

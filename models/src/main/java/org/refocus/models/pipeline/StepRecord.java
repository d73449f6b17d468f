package org.refocus.models.pipeline;

import java.util.Map;

/**
 * What one restoration step did, enough to reproduce it: the operator and its version, every
 * parameter it used, the engine that ran it, how long it took.
 *
 * @param step deblur, denoise or upscale
 * @param operator the operator's id, e.g. "hyper-laplacian-deconvolution"
 * @param operatorVersion bumped whenever the operator's output for the same input changes
 * @param parameters the values it ran with, in a stable order
 * @param engine what computed it, e.g. "opencv 4.9.0 cpu"
 * @param millis wall time
 * @param model the pretrained model a neural step ran, or null for a classical one
 */
public record StepRecord(
    String step,
    String operator,
    String operatorVersion,
    Map<String, Object> parameters,
    String engine,
    long millis,
    ModelReference model) {

  public StepRecord(
      String step,
      String operator,
      String operatorVersion,
      Map<String, Object> parameters,
      String engine,
      long millis) {
    this(step, operator, operatorVersion, parameters, engine, millis, null);
  }

  /**
   * Exactly which weights ran.
   *
   * @param id the catalogue id, e.g. {@code esrgan-thick-x4}
   * @param packageName the npm package, e.g. {@code @upscalerjs/esrgan-thick}
   * @param version its exact version
   * @param weightsSha256 SHA-256 over its model.json and weight shards as delivered
   */
  public record ModelReference(
      String id, String packageName, String version, String weightsSha256) {}
}

package org.refocus.models.pipeline;

import java.util.Map;

/**
 * What one restoration step did, enough to reproduce it: the operator and its version, every
 * parameter it used, the engine that ran it, how long it took.
 *
 * @param step deblur, denoise or upscale
 * @param operator the operator's id, e.g. "wiener-deconvolution"
 * @param operatorVersion bumped whenever the operator's output for the same input changes
 * @param parameters the values it ran with, in a stable order
 * @param engine what computed it, e.g. "opencv 4.9.0 cpu"
 * @param millis wall time
 */
public record StepRecord(
    String step,
    String operator,
    String operatorVersion,
    Map<String, Object> parameters,
    String engine,
    long millis) {}

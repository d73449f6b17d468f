package org.refocus.models.pipeline;

/**
 * A step the settings asked for that was not done to this image, and why. It belongs in the audit
 * beside the steps that ran: a reviewer who finds a blurred scan left untouched can tell it was
 * considered, and by which measurement it was refused.
 *
 * @param step deblur, denoise or upscale
 * @param reason a sentence with the figures it rests on, e.g. "motion blur assessed, but sharpness
 *     0.0022 is above the 0.002 automatic deconvolution acts under"
 */
public record DeclinedStep(String step, String reason) {}

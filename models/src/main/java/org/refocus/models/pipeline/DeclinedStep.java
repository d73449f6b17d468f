package org.refocus.models.pipeline;

/**
 * A step the settings asked for that was not done to this image, and why. It belongs in the audit
 * beside the steps that ran: a reviewer who finds a blurred scan left untouched can tell it was
 * considered, and by which measurement it was refused.
 *
 * @param step the step declined: today only deblur, whose automatic mode refuses images it assessed
 *     as blurred on measurements (the sharpness gate, the kernel estimate, its spread and the
 *     halves' agreement where the image is borderline, its overshoot)
 * @param reason a sentence with the figures it rests on, e.g. "motion blur assessed at sharpness
 *     0.00550; automatic deconvolution acts only below 0.005"
 */
public record DeclinedStep(String step, String reason) {}

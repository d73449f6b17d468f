package org.refocus.models.pipeline;

import java.util.List;
import org.refocus.models.assess.Assessment;
import org.refocus.models.image.PlanarImage;

/**
 * The restored image, the assessment the steps were planned from, what each step did, and the steps
 * asked for but declined on this image, with the reason.
 */
public record PipelineResult(
    PlanarImage image,
    Assessment assessment,
    List<StepRecord> steps,
    List<DeclinedStep> declined) {}

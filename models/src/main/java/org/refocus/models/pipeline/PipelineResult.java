package org.refocus.models.pipeline;

import java.util.List;
import org.refocus.models.assess.Assessment;
import org.refocus.models.image.PlanarImage;

/** The restored image, the assessment the steps were planned from, and what each step did. */
public record PipelineResult(PlanarImage image, Assessment assessment, List<StepRecord> steps) {}

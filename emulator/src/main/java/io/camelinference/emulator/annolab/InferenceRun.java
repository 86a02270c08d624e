package io.camelinference.emulator.annolab;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A batch inference job: the spans were computed when it was submitted and are written into the layer once it
 * finishes ({@code committed}), so that a job failed by a fault leaves no annotations.
 */
record InferenceRun(long id, Project project, List<Long> sourceIds, Layer layer, AnnoLabModel model,
                    Map<Long, List<Span>> results, AtomicBoolean committed) {
}

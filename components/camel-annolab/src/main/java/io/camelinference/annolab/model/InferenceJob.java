package io.camelinference.annolab.model;

import java.util.List;

/**
 * An AnnoLab batch inference job, as {@code POST /v1/infer/batch} and {@code GET /v1/infer/batch/{jobId}} return it.
 * The status answer carries only id, status, project id and source ids.
 *
 * @param status  {@code Queued}, then a running state, then {@code Finished} or {@code Errored}
 * @param message the reason of an {@code Errored} job, when the service gives one
 */
public record InferenceJob(
        Long inferenceJobId,
        String status,
        String projectName,
        Long projectId,
        String outputLayerName,
        Long outputLayerId,
        List<Long> sourceIds,
        String message) {

    public static final String QUEUED = "Queued";
    public static final String FINISHED = "Finished";
    public static final String ERRORED = "Errored";
}

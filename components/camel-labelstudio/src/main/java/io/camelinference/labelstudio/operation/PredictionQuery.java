package io.camelinference.labelstudio.operation;

/** Which predictions to list: of a project, of a task, or both filters (all when both are null). */
public record PredictionQuery(Long projectId, Long taskId) {
}

package io.camelinference.labelstudio.operation;

/** Which tasks to list: a project's, read {@code pageSize} at a time. */
public record TaskQuery(long projectId, int pageSize) {
}

package io.camelinference.labelstudio.operation;

import java.nio.file.Path;

/**
 * An export of a project.
 *
 * @param projectId  the project
 * @param exportType JSON, JSON_MIN, CSV, ...
 * @param allTasks   every task, or only annotated ones
 * @param target     the file it is written to
 */
public record ExportCall(long projectId, String exportType, boolean allTasks, Path target) {
}

package io.camelinference.labelstudio.operation;

import io.camelinference.common.body.UploadSource;

/**
 * Tasks to import into a project: JSON tasks, or a task file streamed as a multipart upload.
 *
 * @param projectId the project
 * @param tasks     a List of tasks or one task (Maps or records), or null for a file
 * @param file      a JSON, CSV, TSV or TXT file (its name says which), or null
 */
public record ImportCall(long projectId, Object tasks, UploadSource file) {
}

package io.camelinference.annolab.model;

/**
 * The answer to {@code POST /v1/export/project}.
 *
 * @param exportStatusUrl where the export's status is polled (absolute URL)
 * @param exportJob       the export job, when the service describes it
 */
public record ExportStarted(String message, String exportStatusUrl, ExportJob exportJob) {

    /** An export job as the start answer describes it. */
    public record ExportJob(Long id, String status, Long projectId) {
    }
}

package io.camelinference.annolab.model;

/**
 * The state of a project export.
 *
 * @param status      {@code initialized}, {@code started}, {@code finished} or {@code errored}
 * @param downloadUrl signed URL of the zip, once finished
 * @param error       the reason, when errored
 */
public record ExportStatus(Long id, String status, String downloadUrl, String error) {

    public static final String FINISHED = "finished";
    public static final String ERRORED = "errored";
}

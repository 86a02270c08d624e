package io.camelinference.annolab.model;

/**
 * A source (document) in an AnnoLab project, as create-text, create-pdf, {@code GET /v1/source/{id}} and the look-up by
 * name ({@code GET /v1/source/{group}/{project}/{directory}/{name}}) return it.
 *
 * @param id   the id inference takes in {@code sourceIds}
 * @param type {@code text} or {@code pdf}
 * @param text the source's text (only in the reads)
 * @param url  a PDF's signed download URL (it carries its own authorisation: fetch it without the API key); null for
 *             text
 */
public record AnnoLabSource(
        Long id,
        String name,
        String sourceName,
        String type,
        Long projectId,
        String projectName,
        Long directoryId,
        String directoryName,
        String text,
        String createdAt,
        String url) {

    /** The first ten fields, as before this record had the URL. */
    public AnnoLabSource(Long id, String name, String sourceName, String type, Long projectId, String projectName,
                         Long directoryId, String directoryName, String text, String createdAt) {
        this(id, name, sourceName, type, projectId, projectName, directoryId, directoryName, text, createdAt, null);
    }
}

package io.camelinference.annolab.model;

/**
 * One annotation a model wrote, as read from a project export.
 *
 * @param type          the annotation type, e.g. {@code Organization}, {@code Date}, {@code Document}
 * @param value         the annotated text, or the label of a classification
 * @param start         start offset (inclusive) in the source's text, in characters
 * @param end           end offset (exclusive) in the source's text
 * @param layer         the annotation layer it was written to (the inference's output layer)
 * @param sourceId      the source it belongs to
 * @param sourceName    that source's name
 * @param pageNumber    first page it covers (PDF sources; 1-based), or null
 * @param endPageNumber last page it covers, or null
 */
public record AnnoLabAnnotation(
        Long id,
        String type,
        String value,
        Integer start,
        Integer end,
        String layer,
        Long sourceId,
        String sourceName,
        Integer pageNumber,
        Integer endPageNumber) {
}

package io.camelinference.annolab.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One annotation: as read from a project export (what a model or a person wrote), or as the annotation calls answer
 * the ones they created. The fields after {@code endPageNumber} appear in JSON only when set.
 *
 * @param type          the annotation type, e.g. {@code Organization}, {@code Date}, {@code Document}
 * @param value         the annotated text, or the label of a classification, or what the client gave as value
 * @param start         start offset (inclusive) in the source's text, in characters; null for a document-level one
 * @param end           end offset (exclusive) in the source's text
 * @param layer         the annotation layer it is in (an inference's output layer)
 * @param sourceId      the source it belongs to
 * @param sourceName    that source's name
 * @param pageNumber    first page it covers (PDF sources; 1-based), or null
 * @param endPageNumber last page it covers, or null
 * @param directoryName the directory of its source
 * @param clientId      the id the client gave it when creating it (create answers only)
 * @param reviewed      whether it is marked reviewed
 * @param textBounds    its geometry on the page, as AnnoLab holds it ({@code {type, coordinates}}), or null
 * @param imageBounds   likewise on an image, or null
 * @param bbox          {@code [x0, y0, x1, y1]}, or null
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
        Integer endPageNumber,
        @JsonInclude(JsonInclude.Include.NON_NULL) String directoryName,
        @JsonInclude(JsonInclude.Include.NON_NULL) String clientId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean reviewed,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode textBounds,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode imageBounds,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Number> bbox) {

    /** The first ten fields, as before this record had the others. */
    public AnnoLabAnnotation(Long id, String type, String value, Integer start, Integer end, String layer,
                             Long sourceId, String sourceName, Integer pageNumber, Integer endPageNumber) {
        this(id, type, value, start, end, layer, sourceId, sourceName, pageNumber, endPageNumber, null, null, null,
                null, null, null);
    }
}

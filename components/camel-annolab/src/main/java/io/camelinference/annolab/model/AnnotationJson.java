package io.camelinference.annolab.model;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An annotation as AnnoLab writes it: in the answers of the annotation calls (with the request's {@code clientId}),
 * and as a line of an export's {@code *.annotations.jsonl} (the fields the SDK's importer reads: {@code id, sourceId,
 * typeName, value, offsets, textBounds, imageBounds, layerName, pageNumber, endPageNumber}).
 *
 * @param rawValue the covered text, when the service gives it
 * @param offsets  {@code [start, end]}, or null for a document-level annotation
 */
public record AnnotationJson(Long id, String clientId, Long sourceId, String sourceName, String directoryName,
                             String typeName, String value, String rawValue, List<Integer> offsets, String layerName,
                             Integer pageNumber, Integer endPageNumber, JsonNode textBounds, JsonNode imageBounds,
                             List<Number> bbox, Boolean isReviewed) {

    /**
     * The record (the value as AnnoLab holds it: a model's annotation has its text as value; a person's may have none).
     *
     * @param source the source line of the same export, for the names an annotation line may lack, or null
     */
    public AnnoLabAnnotation toAnnotation(ExportedSource source) {
        Integer start = offsets != null && !offsets.isEmpty() ? offsets.get(0) : null;
        Integer end = offsets != null && offsets.size() > 1 ? offsets.get(1) : null;
        String name = sourceName != null ? sourceName : source != null ? source.sourceName() : null;
        String directory = directoryName != null ? directoryName : source != null ? source.directoryName() : null;
        return new AnnoLabAnnotation(id, typeName, value, start, end, layerName, sourceId,
                name, pageNumber, endPageNumber, directory, clientId, isReviewed, nullIfJsonNull(textBounds),
                nullIfJsonNull(imageBounds), bbox);
    }

    private static JsonNode nullIfJsonNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}

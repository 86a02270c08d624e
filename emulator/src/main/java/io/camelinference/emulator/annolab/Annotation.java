package io.camelinference.emulator.annolab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * An annotation on a source, in one layer: written by a model (inference) or by a client (the annotation calls).
 *
 * @param start         start offset in the source's text (inclusive), or null for a document-level annotation
 * @param end           end offset (exclusive), or null
 * @param pageNumber    first page (1-based) it covers, or null
 * @param endPageNumber last page, or null
 * @param textBounds    geometry on the page ({@code {type, coordinates}}), as the client sent it, or null
 * @param imageBounds   likewise for images, or null
 * @param bbox          {@code [x0, y0, x1, y1]}, or null
 * @param createdBy     {@code model:<name>} or {@code api}
 */
record Annotation(long id, Source source, Layer layer, AnnotationType type, String value, Integer start, Integer end,
                  Integer pageNumber, Integer endPageNumber, JsonNode textBounds, JsonNode imageBounds, JsonNode bbox,
                  boolean reviewed, String createdBy) {

    long sourceId() {
        return source.id();
    }

    /** The covered text, or null for a document-level annotation. */
    String rawValue() {
        if (start == null || end == null || source.text() == null || end > source.text().length()) {
            return null;
        }
        return source.text().substring(start, end);
    }

    /** What preventDuplication compares (AnnoLab's docs): the same type, offsets, layer and source. */
    boolean sameAs(Source s, Layer l, AnnotationType t, Integer from, Integer to) {
        return source.id() == s.id() && layer.id() == l.id() && type.id() == t.id()
                && java.util.Objects.equals(start, from) && java.util.Objects.equals(end, to);
    }

    /**
     * As the annotation calls answer it and as a line of an export's {@code *.annotations.jsonl}: the fields the SDK's
     * importer reads ({@code id, sourceId, typeName, value, offsets, textBounds, imageBounds, layerName, pageNumber,
     * endPageNumber}) and the ids and names beside them.
     */
    ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("sourceId", source.id());
        n.put("sourceName", source.name());
        n.put("directoryName", source.directory().name());
        n.put("projectId", source.project().id);
        n.put("typeId", type.id());
        n.put("typeName", type.name());
        n.put("value", value);
        n.put("rawValue", rawValue());
        if (start == null) {
            n.putNull("offsets");
        } else {
            n.putArray("offsets").add(start).add(end);
        }
        n.put("layerId", layer.id());
        n.put("layerName", layer.name());
        putInt(n, "pageNumber", pageNumber);
        putInt(n, "endPageNumber", endPageNumber);
        n.set("textBounds", textBounds);
        n.set("imageBounds", imageBounds);
        n.set("bbox", bbox);
        n.put("isReviewed", reviewed);
        n.put("createdBy", createdBy);
        return n;
    }

    private static void putInt(ObjectNode n, String field, Integer value) {
        if (value == null) {
            n.putNull(field);
        } else {
            n.put(field, value);
        }
    }
}

package io.camelinference.emulator.annolab;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/** A span a model found in a source, in one layer. */
record Annotation(long id, long sourceId, Layer layer, Span span, String createdBy) {

    /** As it appears in an export's {@code annotations/<sourceId>.json}. */
    ObjectNode toJson(Source s) {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("annotationType", span.type());
        n.put("value", span.value());
        n.putArray("offsets").add(span.start()).add(span.end());
        if (span.pageNumber() != null) {
            n.put("pageNumber", span.pageNumber());
            n.put("endPageNumber", span.endPageNumber());
        }
        n.put("layerName", layer.name());
        n.put("layerId", layer.id());
        n.put("sourceId", s.id());
        n.put("sourceName", s.name());
        n.put("createdBy", createdBy);
        return n;
    }
}

package io.camelinference.annolab.binding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.annolab.model.AnnoLabAnnotation;
import io.camelinference.annolab.model.NewAnnotation;

/**
 * Annotations to create, from what a route has: {@link NewAnnotation}s, {@link AnnoLabAnnotation} records (from an
 * export or an infer), or Maps with the SDK's keys ({@code type, client_id, value, offsets, bbox, text_bounds,
 * image_bounds, layer, page, endPage, reviewed, source, directory, project}, as in its README and docstrings) or the
 * API's ({@code annoTypeIdentifier, clientId, layerIdentifier, pageNumber, endPageNumber, isReviewed,
 * sourceIdentifier, directoryIdentifier, projectIdentifier, textBounds, imageBounds}). Each is checked before anything
 * is sent: a type, offsets as two whole numbers from 0 with start not after end, a String value, four numbers for a
 * bbox, no unknown key.
 */
final class AnnotationInputs {

    static final String ACCEPTED = "a List of annotations (NewAnnotation, AnnoLabAnnotation, or Maps with the SDK's"
            + " keys: type, value, offsets, layer, page, endPage, client_id, reviewed, bbox, text_bounds,"
            + " image_bounds, source, directory, project), one annotation, or JSON text of them";

    static final List<String> KEYS = List.of("type", "annoTypeIdentifier", "client_id", "clientId", "value", "offsets",
            "bbox", "text_bounds", "textBounds", "image_bounds", "imageBounds", "layer", "layerIdentifier", "page",
            "pageNumber", "endPage", "end_page", "endPageNumber", "reviewed", "isReviewed", "source",
            "sourceIdentifier", "directory", "directoryIdentifier", "project", "projectIdentifier");

    private AnnotationInputs() {
    }

    static List<NewAnnotation> read(Object items, String what) {
        List<NewAnnotation> out = new ArrayList<>();
        List<Object> list = Bodies.items(items, what, ACCEPTED);
        for (int i = 0; i < list.size(); i++) {
            out.add(one(list.get(i), what + " annotation [" + i + "]"));
        }
        return out;
    }

    private static NewAnnotation one(Object item, String where) {
        if (item instanceof NewAnnotation a) {
            check(a, where);
            return a;
        }
        if (item instanceof AnnoLabAnnotation a) {
            NewAnnotation converted = new NewAnnotation(a.type(), a.clientId() != null ? a.clientId()
                    : a.id() != null ? String.valueOf(a.id()) : null,
                    a.start() == null ? null : List.of(a.start(), a.end()), a.value(), a.bbox(), a.textBounds(),
                    a.imageBounds(), a.layer(), a.pageNumber(), a.endPageNumber(), a.reviewed(),
                    a.sourceName() != null ? a.sourceName() : a.sourceId(), a.sourceName() != null
                    ? a.directoryName() : null, null);
            check(converted, where);
            return converted;
        }
        if (item instanceof Map<?, ?> map) {
            Bodies.checkedKeys(map, KEYS, where);
            Object clientId = Bodies.value(map, "client_id", "clientId");
            NewAnnotation a = new NewAnnotation(Bodies.identifier(Bodies.value(map, "type", "annoTypeIdentifier"),
                    where, "type"), clientId == null ? null : String.valueOf(Bodies.identifier(clientId, where,
                    "client_id")), offsets(map.get("offsets"), where), Bodies.text(map.get("value"), where, "value"),
                    bbox(map.get("bbox"), where), shape(Bodies.value(map, "text_bounds", "textBounds"), where),
                    shape(Bodies.value(map, "image_bounds", "imageBounds"), where),
                    Bodies.identifier(Bodies.value(map, "layer", "layerIdentifier"), where, "layer"),
                    Bodies.integer(Bodies.value(map, "page", "pageNumber"), where, "page"),
                    Bodies.integer(Bodies.value(map, "endPage", "end_page", "endPageNumber"), where, "endPage"),
                    Bodies.flag(Bodies.value(map, "reviewed", "isReviewed"), where, "reviewed"),
                    Bodies.identifier(Bodies.value(map, "source", "sourceIdentifier"), where, "source"),
                    Bodies.identifier(Bodies.value(map, "directory", "directoryIdentifier"), where, "directory"),
                    Bodies.identifier(Bodies.value(map, "project", "projectIdentifier"), where, "project"));
            check(a, where);
            return a;
        }
        throw new IllegalArgumentException(where + " is a " + (item == null ? "null" : item.getClass().getName())
                + "; expected " + ACCEPTED);
    }

    private static void check(NewAnnotation a, String where) {
        if (a.annoTypeIdentifier() == null || a.annoTypeIdentifier().toString().isBlank()) {
            throw new IllegalArgumentException(where + " has no type: every annotation needs its annotation type"
                    + " (name or id)");
        }
        List<Integer> offsets = a.offsets();
        if (offsets != null && (offsets.size() != 2 || offsets.get(0) == null || offsets.get(1) == null
                || offsets.get(0) < 0 || offsets.get(1) < offsets.get(0))) {
            throw new IllegalArgumentException(where + ": offsets must be [start, end], whole numbers from 0 with start"
                    + " not after end, not " + offsets);
        }
        if (a.bbox() != null && a.bbox().size() != 4) {
            throw new IllegalArgumentException(where + ": bbox must be four numbers [x0, y0, x1, y1], not " + a.bbox());
        }
    }

    private static List<Integer> offsets(Object value, String where) {
        if (value == null) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            for (Object o : c) {
                out.add(Bodies.integer(o, where, "offsets"));
            }
        } else if (value instanceof int[] array) {
            for (int o : array) {
                out.add(o);
            }
        } else {
            throw new IllegalArgumentException(where + ": offsets must be [start, end], not " + value);
        }
        return out;
    }

    private static List<Number> bbox(Object value, String where) {
        if (value == null) {
            return null;
        }
        List<Number> out = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            for (Object o : c) {
                if (!(o instanceof Number n)) {
                    throw new IllegalArgumentException(where + ": bbox must be four numbers, not " + value);
                }
                out.add(n);
            }
            return out;
        }
        throw new IllegalArgumentException(where + ": bbox must be four numbers [x0, y0, x1, y1], not " + value);
    }

    /** Text or image bounds: an object ({type, coordinates}) or an array, as AnnoLab holds them. */
    private static Object shape(Object value, String where) {
        if (value == null || value instanceof Map<?, ?> || value instanceof Collection<?>
                || (value instanceof JsonNode n && (n.isObject() || n.isArray()))) {
            return value;
        }
        throw new IllegalArgumentException(where + ": text_bounds and image_bounds must be an object {type,"
                + " coordinates} or an array, not " + value);
    }
}

package io.camelinference.emulator.annolab;

import java.util.Locale;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelinference.emulator.spi.ApiError;

/**
 * Reads one annotation or relation of a request, as the SDK sends them ({@code annolab/annotation.py},
 * {@code annotation_relation.py}), and resolves what it names, answering AnnoLab's errors before anything is written:
 * 400 for a missing or mistyped field, offsets outside the source's text, or a type of the wrong kind (a relation type
 * on an annotation, an annotation type on a relation); 404 for an unknown project, directory, source, layer id, type
 * id or annotation. Messages start with the item's place in the request, e.g. {@code annotations[3]: }.
 * <p>
 * Names create what they name when it is missing (an annotation type or a layer), as the SDK's README creates
 * annotations of types it never declared; ids must exist. A missing layer means the project's default layer.
 */
final class AnnotationRequests {

    /** At most this many annotations (or relations) in one request (AnnoLab's docs for bulk-create). */
    static final int MAX_PER_REQUEST = 2000;

    private final AnnoLabStore store;

    AnnotationRequests(AnnoLabStore store) {
        this.store = store;
    }

    /** The request's array field: absent is empty unless required; not an array, or over the limit, is a 400. */
    static JsonNode items(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new ApiError(400, "'" + field + "' is required: an array of " + field);
            }
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!v.isArray()) {
            throw new ApiError(400, "'" + field + "' must be an array");
        }
        if (required && v.isEmpty()) {
            throw new ApiError(400, "'" + field + "' is empty: nothing to create");
        }
        if (v.size() > MAX_PER_REQUEST) {
            throw new ApiError(400, "At most " + MAX_PER_REQUEST + " " + field + " per request; got " + v.size()
                    + ": split them into several requests");
        }
        for (JsonNode item : v) {
            if (!item.isObject()) {
                throw new ApiError(400, "'" + field + "' must hold objects, got " + item);
            }
        }
        return v;
    }

    /** An annotation that names its project, source (and directory) itself: annotation/create and bulk-create. */
    AnnotationStore.Draft standalone(JsonNode item, String where) {
        return at(where, () -> {
            Project p = RequestFields.projectAnywhere(store, item, "projectIdentifier");
            String source = RequestFields.identifier(item, "sourceIdentifier", true);
            String directory = RequestFields.identifier(item, "directoryIdentifier", false);
            return draft(item, source(p, directory, source));
        });
    }

    /** An annotation on a source the path named (the source annotations call); its own source fields are ignored. */
    AnnotationStore.Draft onSource(JsonNode item, String where, Source s) {
        return at(where, () -> draft(item, s));
    }

    /** The source by name in the directory (default when null), or by id when the name is only digits. */
    private Source source(Project p, String directory, String identifier) {
        Directory d = store.schemas.existingDirectory(p, directory);
        Source s = store.sourceIn(p, d, identifier);
        if (s == null && RequestFields.isNumber(identifier)) {
            Source byId = store.source(Long.parseLong(identifier));
            if (byId != null && byId.project() == p && (directory == null || byId.directory().equals(d))) {
                s = byId;
            }
        }
        if (s == null) {
            throw new ApiError(404, "Source '" + identifier + "' not found in directory '" + d.name() + "' of project '"
                    + p.name + "'");
        }
        return s;
    }

    private AnnotationStore.Draft draft(JsonNode item, Source s) {
        Project p = s.project();
        AnnotationType type = type(p, item, false);
        Layer layer = layer(p, item.get("layerIdentifier"));
        Integer start = null;
        Integer end = null;
        JsonNode offsets = item.get("offsets");
        if (offsets != null && !offsets.isNull()) {
            if (!offsets.isArray() || offsets.size() != 2 || !offsets.get(0).canConvertToInt()
                    || !offsets.get(0).isIntegralNumber() || !offsets.get(1).isIntegralNumber()
                    || !offsets.get(1).canConvertToInt()) {
                throw new ApiError(400, "'offsets' must be two integers [start, end], got " + offsets);
            }
            start = offsets.get(0).asInt();
            end = offsets.get(1).asInt();
            int length = s.text() == null ? 0 : s.text().length();
            if (start < 0 || end < start || end > length) {
                throw new ApiError(400, "'offsets' " + offsets + " lie outside the text of source '" + s.name() + "' ("
                        + length + " characters) or end before they start");
            }
        }
        Integer page = RequestFields.optionalInt(item, "pageNumber", "");
        Integer endPage = RequestFields.optionalInt(item, "endPageNumber", "");
        if (page == null && start != null && s.text() != null && s.text().indexOf(Pages.SEPARATOR) >= 0) {
            page = Pages.pageAt(s.text(), start);
            endPage = Pages.pageAt(s.text(), Math.max(start, end - 1));
        }
        return new AnnotationStore.Draft(s, layer, type, value(item), start, end, page, endPage,
                shape(item, "textBounds"), shape(item, "imageBounds"), bbox(item),
                RequestFields.flag(item, "isReviewed", false));
    }

    /** The item's annotation type (annotations) or relation type (relations): by id, or by name (created if new). */
    AnnotationType type(Project p, JsonNode item, boolean forRelation) {
        JsonNode id = item.get("annoTypeIdentifier");
        if (id == null || id.isNull() || (id.isTextual() && id.asText().isBlank())) {
            if (forRelation) {
                return null;
            }
            throw new ApiError(400, "'annoTypeIdentifier' is required: the id or name of the annotation type");
        }
        if (!id.isTextual() && !id.isIntegralNumber()) {
            throw new ApiError(400, "'annoTypeIdentifier' must be a name or an integer id, got " + id);
        }
        String value = id.asText().strip();
        AnnotationType type;
        if (RequestFields.isNumber(value)) {
            type = p.types.values().stream().filter(t -> t.id() == Long.parseLong(value)).findFirst()
                    .orElseThrow(() -> new ApiError(404, "Annotation type " + value + " not found in project '"
                            + p.name + "'"));
        } else {
            type = store.schemas.typeNamed(p, value, forRelation, false);
        }
        if (forRelation != type.relation()) {
            throw new ApiError(400, "'" + type.name() + "' is " + type.kind() + ": " + (forRelation
                    ? "a relation takes a relation type (isRelation)" : "an annotation cannot take a relation type"));
        }
        return type;
    }

    private Layer layer(Project p, JsonNode id) {
        if (id == null || id.isNull() || (id.isTextual() && id.asText().isBlank())) {
            return p.defaultLayer();
        }
        if (!id.isTextual() && !id.isIntegralNumber()) {
            throw new ApiError(400, "'layerIdentifier' must be a name or an integer id, got " + id);
        }
        String value = id.asText().strip();
        if (RequestFields.isNumber(value)) {
            return p.layers.values().stream().filter(l -> l.id() == Long.parseLong(value)).findFirst()
                    .orElseThrow(() -> new ApiError(404, "Layer " + value + " not found in project '" + p.name
                            + "'"));
        }
        return p.layers.computeIfAbsent(value, n -> new Layer(store.nextId(), n));
    }

    static String value(JsonNode item) {
        JsonNode v = item.get("value");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ApiError(400, "'value' must be a string, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return v.asText();
    }

    /** The client's pass-through id (string or integer), as a string, or null. */
    static String clientId(JsonNode item) {
        JsonNode v = item.get("clientId");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() && !v.isIntegralNumber()) {
            throw new ApiError(400, "'clientId' must be a string or an integer, got " + v);
        }
        return v.asText();
    }

    private static JsonNode shape(JsonNode item, String field) {
        JsonNode v = item.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject() && !v.isArray()) {
            throw new ApiError(400, "'" + field + "' must be an object ({type, coordinates}) or an array, got " + v);
        }
        return v;
    }

    private static JsonNode bbox(JsonNode item) {
        JsonNode v = item.get("bbox");
        if (v == null || v.isNull()) {
            return null;
        }
        boolean ok = v.isArray() && v.size() == 4;
        for (JsonNode n : v) {
            ok &= n.isNumber();
        }
        if (!ok) {
            throw new ApiError(400, "'bbox' must be four numbers [x0, y0, x1, y1], got " + v);
        }
        return v;
    }

    /** Runs a check, putting the item's place in the request before any error it answers. */
    static <T> T at(String where, Supplier<T> check) {
        try {
            return check.get();
        } catch (ApiError e) {
            throw where.isEmpty() ? e : new ApiError(e.status(), where + ": " + e.getMessage());
        }
    }
}

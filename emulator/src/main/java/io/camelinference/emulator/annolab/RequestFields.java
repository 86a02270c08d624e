package io.camelinference.emulator.annolab;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.Request;

/** Reading AnnoLab's JSON request bodies, with its 400 messages for missing or mistyped fields. */
final class RequestFields {

    private RequestFields() {
    }

    /** The body as a JSON object. */
    static JsonNode body(Request r) throws IOException {
        return r.jsonObject("The request body must be a JSON object");
    }

    /** A required non-blank scalar field as text. */
    static String required(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new ApiError(400, "'" + field + "' is required");
        }
        return v.asText();
    }

    /** A string-or-integer identifier field; null when optional and absent. */
    static String identifier(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                throw new ApiError(400, "'" + field + "' is required");
            }
            return null;
        }
        if (!v.isTextual() && !v.isIntegralNumber()) {
            throw new ApiError(400, "'" + field + "' must be a name or an integer id");
        }
        return v.asText();
    }

    /** The project named by {@code projectIdentifier} (name or id) in {@code groupName}. */
    static Project project(AnnoLabStore store, JsonNode body) {
        return store.project(identifier(body, "projectIdentifier", true), required(body, "groupName"));
    }

    /**
     * The project named by {@code projectIdentifier} (id, or name) and the optional {@code groupName}: the SDK names
     * the project by id alone in its layer, annotation type and bulk calls.
     */
    static Project projectAnywhere(AnnoLabStore store, JsonNode body, String field) {
        return store.projectAnywhere(identifier(body, field, true), optionalText(body, "groupName"));
    }

    /** An optional string field: null when absent or null, 400 when it is not a string. */
    static String optionalText(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ApiError(400, "'" + field + "' must be a string, got " + v.getNodeType().name().toLowerCase(
                    java.util.Locale.ROOT));
        }
        return v.asText();
    }

    /** An optional boolean field: false when absent or null, 400 when it is not a boolean. */
    static boolean flag(JsonNode body, String field, boolean fallback) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new ApiError(400, "'" + field + "' must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    /** An optional integer field: null when absent or null, 400 when it is not an integer. */
    static Integer optionalInt(JsonNode body, String field, String where) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new ApiError(400, where + "'" + field + "' must be an integer, got " + v);
        }
        return v.asInt();
    }

    /** The directory named by the optional {@code directoryIdentifier}. */
    static Directory directory(AnnoLabStore store, Project p, JsonNode body) {
        return store.directory(p, identifier(body, "directoryIdentifier", false));
    }

    /** Digits only and short enough for a long: an id rather than a name. */
    static boolean isNumber(String s) {
        return s != null && !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit);
    }
}

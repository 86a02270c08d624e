package io.camelinference.labelstudio.binding;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelinference.common.json.Json;
import io.camelinference.common.operation.MessageValues;

/** Reads request bodies: the record itself, a Map, a JSON object String, or a bean of the same fields. */
final class Bodies {

    private Bodies() {
    }

    /** The body as a JSON object's fields; refuses anything else, naming what was expected. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fields(Object body, String what, String accepted) {
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        if (body instanceof CharSequence text) {
            try {
                Object parsed = Json.mapper().readValue(text.toString(), Object.class);
                if (parsed instanceof Map<?, ?> map) {
                    return (Map<String, Object>) map;
                }
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(what + " expects " + accepted + "; the String body is not JSON ("
                        + e.getOriginalMessage() + ")");
            }
            throw new IllegalArgumentException(what + " expects " + accepted + "; the String body is not a JSON object");
        }
        if (body == null || body instanceof Number || body instanceof Boolean || body instanceof Iterable<?>
                || body.getClass().isArray()) {
            throw new IllegalArgumentException(what + " expects " + accepted + "; the body is "
                    + MessageValues.describe(body));
        }
        try {
            return Json.mapper().convertValue(body, Map.class);
        } catch (IllegalArgumentException notABean) {
            throw new IllegalArgumentException(what + " expects " + accepted + "; cannot read a "
                    + body.getClass().getName());
        }
    }

    /** The fields as a record (unknown fields ignored). */
    static <T> T as(Map<String, Object> fields, Class<T> type, String what) {
        try {
            return Json.convert(fields, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": the body's fields do not make a " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }
}

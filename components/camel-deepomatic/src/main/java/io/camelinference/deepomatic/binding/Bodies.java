package io.camelinference.deepomatic.binding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelinference.common.json.Json;

/**
 * The JSON object bodies of create and update operations: a record of the service's payload, a Map, or a JSON object
 * String; checked, as the official client checks its keyword arguments, against the fields the call takes.
 */
final class Bodies {

    private Bodies() {
    }

    /**
     * The body as a Map of its fields (a record's unset fields left out).
     *
     * @param operation e.g. create-version, for the messages
     * @param accepted  what the body may be, e.g. "a DeepomaticVersion, a Map or a JSON object String"
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object body, Class<?> record, String operation, String accepted) {
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        if (record.isInstance(body)) {
            return Json.convert(body, Map.class);
        }
        if (body instanceof CharSequence text && !text.toString().isBlank()) {
            Object parsed;
            try {
                parsed = Json.mapper().readValue(text.toString(), Object.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("deepomatic:" + operation + " expects a String body to be a JSON"
                        + " object; it is not valid JSON (" + e.getOriginalMessage() + ")", e);
            }
            if (parsed instanceof Map<?, ?> object) {
                return (Map<String, Object>) object;
            }
            throw new IllegalArgumentException("deepomatic:" + operation + " expects a String body to be a JSON object;"
                    + " it is a JSON " + (parsed == null ? "null" : parsed.getClass().getSimpleName()));
        }
        throw new IllegalArgumentException("deepomatic:" + operation + " needs " + accepted + " in the body; got "
                + (body == null ? "nothing" : body.getClass().getSimpleName()));
    }

    /** Refuses a field the call does not take, and a missing required one, before anything is sent. */
    static void check(Map<String, Object> fields, List<String> allowed, List<String> required, String operation) {
        for (String field : fields.keySet()) {
            if (!allowed.contains(field)) {
                throw new IllegalArgumentException("deepomatic:" + operation + " does not take the field '" + field
                        + "'; it takes " + String.join(", ", allowed));
            }
        }
        for (String field : required) {
            if (fields.get(field) == null) {
                throw new IllegalArgumentException("deepomatic:" + operation + " needs the field '" + field
                        + "' (it takes " + String.join(", ", allowed) + ")");
            }
        }
    }
}

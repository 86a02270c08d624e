package io.camelinference.annolab.binding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.common.json.Json;
import io.camelinference.common.operation.MessageValues;

/** Message bodies as the bindings take them: JSON text parsed, one item or a list, maps checked for their keys. */
final class Bodies {

    private Bodies() {
    }

    /** A JSON String (or JsonNode) as Maps and Lists; anything else as it is. */
    static Object parsed(Object body, String what, String accepted) {
        if (body instanceof JsonNode node) {
            return Json.mapper().convertValue(node, Object.class);
        }
        if (body instanceof CharSequence text) {
            try {
                return Json.mapper().readValue(text.toString(), Object.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(what + " expects " + accepted + "; the String body is not JSON ("
                        + e.getOriginalMessage() + ")");
            }
        }
        return body;
    }

    /** A Collection or array as a list; one item as a list of one; null or empty fails, naming what was expected. */
    static List<Object> items(Object body, String what, String accepted) {
        List<Object> items = new ArrayList<>();
        if (body instanceof Collection<?> c) {
            items.addAll(c);
        } else if (body instanceof Object[] array) {
            items.addAll(List.of(array));
        } else if (body != null) {
            items.add(body);
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException(what + " expects " + accepted + "; the body is "
                    + MessageValues.describe(body) + ": nothing to create, nothing was sent to AnnoLab");
        }
        return items;
    }

    /** The map's keys, each one of the accepted, or an error naming the unknown one and the accepted. */
    static Map<?, ?> checkedKeys(Map<?, ?> map, Collection<String> accepted, String where) {
        for (Object key : map.keySet()) {
            if (!accepted.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(where + " has the unknown key '" + key + "'; accepted: "
                        + String.join(", ", accepted));
            }
        }
        return map;
    }

    /** The first of the keys the map has (aliases), or null. */
    static Object value(Map<?, ?> map, String... keys) {
        for (String k : keys) {
            if (map.containsKey(k)) {
                return map.get(k);
            }
        }
        return null;
    }

    static String text(Object value, String where, String field) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof CharSequence)) {
            throw new IllegalArgumentException(where + ": " + field + " must be a String, not " + value.getClass()
                    .getSimpleName() + " " + value);
        }
        return value.toString();
    }

    /** A name or an id: a String, or a whole number. */
    static Object identifier(Object value, String where, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence text && !text.toString().isBlank()) {
            return text.toString().strip();
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new IllegalArgumentException(where + ": " + field + " must be a name or an id, not " + value);
    }

    static Integer integer(Object value, String where, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw new IllegalArgumentException(where + ": " + field + " must be a whole number, not " + value);
    }

    static Boolean flag(Object value, String where, String field) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new IllegalArgumentException(where + ": " + field + " must be true or false, not " + value);
    }
}

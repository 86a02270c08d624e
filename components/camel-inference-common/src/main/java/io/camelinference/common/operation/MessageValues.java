package io.camelinference.common.operation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.camel.Message;

/**
 * Reads the values an operation takes from a message, one way for every component: a header overrides the option of
 * the same name; an id may come from a header or the body; what a header may supply is checked per exchange, with the
 * same message naming both the option and the header.
 */
public final class MessageValues {

    private MessageValues() {
    }

    /** The header's value converted to the type, or the option's when the header is absent. */
    public static <T> T option(Message in, String header, T optionValue, Class<T> type) {
        T value = in.getHeader(header, type);
        return value != null ? value : optionValue;
    }

    /**
     * A value the operation cannot do without, from the header or the option.
     *
     * @param what e.g. {@code "unitypredict:predict"}
     * @param name the option's name, e.g. {@code modelId}
     * @throws IllegalArgumentException when neither is set, naming the option and the header
     */
    public static String required(Message in, String header, String optionValue, String what, String name) {
        String value = in.getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            value = optionValue;
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " needs " + name + ": set the option " + name
                    + " on the endpoint or component, or the header " + header + " on the message");
        }
        return value.strip();
    }

    /**
     * An id from the header, or else from a String or number body.
     *
     * @param what      e.g. {@code "unitypredict:status"}
     * @param idName    what the id is, e.g. {@code "a request id"}
     * @throws IllegalArgumentException when neither carries one
     */
    public static String id(Message in, String header, String what, String idName) {
        String id = in.getHeader(header, String.class);
        if ((id == null || id.isBlank()) && (in.getBody() instanceof CharSequence || in.getBody() instanceof Number)) {
            id = in.getBody().toString();
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(what + " needs " + idName + ": set the header " + header
                    + " or put the id in the body (a String or number); the body is " + describe(in.getBody()));
        }
        return id.strip();
    }

    /** What a body is, for messages: {@code empty}, {@code a collection of 3 items}, {@code a Map}, {@code a File}. */
    public static String describe(Object body) {
        if (body == null) {
            return "empty";
        }
        if (body instanceof Collection<?> c) {
            return "a collection of " + c.size() + " items";
        }
        if (body instanceof java.util.Map<?, ?>) {
            return "a Map";
        }
        return "a " + body.getClass().getSimpleName();
    }

    /** A list of strings from a Collection, an array, or a comma-separated String; empty for null. */
    public static List<String> list(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            c.forEach(v -> add(out, v));
        } else if (value instanceof Object[] array) {
            for (Object v : array) {
                add(out, v);
            }
        } else if (value != null) {
            for (String part : value.toString().split(",")) {
                add(out, part);
            }
        }
        return out;
    }

    private static void add(List<String> out, Object v) {
        if (v != null && !v.toString().isBlank()) {
            out.add(v.toString().strip());
        }
    }
}

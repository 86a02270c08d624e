package io.camelinference.labelstudio.binding;

import java.util.ArrayList;
import java.util.List;

import io.camelinference.common.operation.MessageValues;
import org.apache.camel.Message;

/** Reads Label Studio ids (integers) from headers, bodies and options, with one clear message when one is missing. */
final class Ids {

    private Ids() {
    }

    /** An id the operation is scoped to: the header, else the option. */
    static long scope(Message in, String header, Long option, String what, String name) {
        return parse(MessageValues.required(in, header, option == null ? null : option.toString(), what, name), name,
                what);
    }

    /** The id of the object operated on: the header, else a String or number body, else the option. */
    static long target(Message in, String header, Long option, String what, String name) {
        boolean inMessage = in.getHeader(header) != null || in.getBody() instanceof CharSequence
                || in.getBody() instanceof Number;
        String text = inMessage || option == null
                ? MessageValues.id(in, header, what, "a " + name + " (or the option " + name + ")")
                : option.toString();
        return parse(text, name, what);
    }

    static Long optional(Message in, String header, Long option) {
        Long value = in.getHeader(header, Long.class);
        return value != null ? value : option;
    }

    /** Task ids from a List, an array or a comma-separated String; empty when absent. */
    static List<Long> list(Object value, String what) {
        List<Long> ids = new ArrayList<>();
        for (String id : MessageValues.list(value)) {
            ids.add(parse(id, "task id", what));
        }
        return ids;
    }

    static long parse(String text, String name, String what) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": " + name + " must be an integer id, got '" + text + "'");
        }
    }
}

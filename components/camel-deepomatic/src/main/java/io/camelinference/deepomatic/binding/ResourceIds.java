package io.camelinference.deepomatic.binding;

import io.camelinference.common.operation.MessageValues;
import org.apache.camel.Message;

/**
 * Which version or network a message means: the header, else the option, else (where the body is not the payload) a
 * String or number body; and whether a network is a public one (string id) or yours (integer id).
 */
final class ResourceIds {

    private ResourceIds() {
    }

    /** From the header or the option; required, with one message naming both. */
    static String required(Message in, String header, String option, String what, String name) {
        return MessageValues.required(in, header, option, what, name);
    }

    /** From the header or the option, else from a String or number body. */
    static String orBody(Message in, String header, String option, String what, String name) {
        String id = MessageValues.option(in, header, option, String.class);
        Object body = in.getBody();
        if ((id == null || id.isBlank()) && (body instanceof CharSequence || body instanceof Number)
                && !body.toString().isBlank()) {
            return body.toString().strip();
        }
        return required(in, header, option, what, name);
    }

    /** The header or option first; otherwise an integer id is yours and any other a public one. */
    static boolean isPublic(Message in, String header, Boolean option, String id) {
        Boolean explicit = MessageValues.option(in, header, option, Boolean.class);
        if (explicit != null) {
            return explicit;
        }
        return !id.chars().allMatch(Character::isDigit);
    }
}

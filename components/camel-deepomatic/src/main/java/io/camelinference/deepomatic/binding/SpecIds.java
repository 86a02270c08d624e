package io.camelinference.deepomatic.binding;

import io.camelinference.common.operation.MessageValues;
import io.camelinference.deepomatic.DeepomaticConfiguration;
import io.camelinference.deepomatic.DeepomaticConstants;
import org.apache.camel.Message;

/** Which specification a message means, and whether it is a public one. */
final class SpecIds {

    private SpecIds() {
    }

    /** The spec id from the header or the specId option; required, with one message naming both. */
    static String required(Message in, DeepomaticConfiguration configuration, String what) {
        return MessageValues.required(in, DeepomaticConstants.SPEC_ID, configuration.getSpecId(), what, "specId");
    }

    /** The spec id from the header or the specId option, else from a String or number body. */
    static String orBody(Message in, DeepomaticConfiguration configuration, String what) {
        String id = MessageValues.option(in, DeepomaticConstants.SPEC_ID, configuration.getSpecId(), String.class);
        Object body = in.getBody();
        if ((id == null || id.isBlank()) && (body instanceof CharSequence || body instanceof Number)
                && !body.toString().isBlank()) {
            return body.toString().strip();
        }
        return required(in, configuration, what);
    }

    /** The header or option first; otherwise an integer id is a private specification and any other a public one. */
    static boolean isPublic(Message in, DeepomaticConfiguration configuration, String specId) {
        Boolean explicit = MessageValues.option(in, DeepomaticConstants.PUBLIC_SPEC, configuration.getPublicSpec(),
                Boolean.class);
        if (explicit != null) {
            return explicit;
        }
        return !specId.chars().allMatch(Character::isDigit);
    }

    /** Refuses a change to a public specification before anything is sent. */
    static void requirePrivate(Message in, DeepomaticConfiguration configuration, String specId, String what) {
        if (isPublic(in, configuration, specId)) {
            throw new IllegalArgumentException(what + " works on your own specifications (integer ids); '" + specId
                    + "' is a public one, which cannot be changed");
        }
    }
}

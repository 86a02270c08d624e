package io.camelinference.emulator.labelstudio;

import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.RouteHandler;

/**
 * Label Studio's error envelope, as its DRF exception handler ({@code core.utils.common.custom_exception_handler})
 * writes it: {@code {id, status_code, version, detail, exc_info}}; a validation error has {@code detail}
 * {@code "Validation error"} and the field errors under {@code validation_errors} ({@code {"field": ["message"]}},
 * {@code non_field_errors} for the others).
 */
final class LsErrors {

    /** The Label Studio version the emulator answers as. */
    static final String VERSION = "1.20.0";

    private LsErrors() {
    }

    static ObjectNode envelope(int status, String detail) {
        ObjectNode n = Json.object();
        n.put("id", UUID.randomUUID().toString());
        n.put("status_code", status);
        n.put("version", VERSION);
        n.put("detail", detail);
        n.putNull("exc_info");
        return n;
    }

    /** A DRF validation error: thrown anywhere in a handler, answered 400 by {@link #wrap}. */
    static final class ValidationFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ObjectNode errors;
        private final String detail;

        private ValidationFailure(ObjectNode errors, String detail) {
            super(errors.toString(), null, false, false);
            this.errors = errors;
            this.detail = detail;
        }

        /** {@code {"field": [message]}}, as a serializer's field validation says it. */
        static ValidationFailure field(String field, String message) {
            ObjectNode errors = Json.object();
            errors.putArray(field).add(message);
            return new ValidationFailure(errors, "Validation error");
        }

        /** A refusal the real product does not make (it would drop the data silently): the message is the detail. */
        static ValidationFailure refused(String field, String message) {
            ObjectNode errors = Json.object();
            errors.putArray(field).add(message);
            return new ValidationFailure(errors, message);
        }

        Reply reply() {
            ObjectNode n = envelope(400, detail);
            n.set("validation_errors", errors);
            return Reply.json(400, n);
        }
    }

    /** Renders validation failures of the handler as Label Studio does; other errors are the core's. */
    static RouteHandler wrap(RouteHandler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (ValidationFailure e) {
                return e.reply();
            }
        };
    }
}

package io.camelinference.labelstudio.consumer;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelinference.common.consumer.HttpServedConsumerSupport;
import io.camelinference.common.json.Json;
import org.apache.camel.Exchange;

/**
 * The ML backend's answers, in label-studio-ml-backend's shapes: JSON, and errors as its exception handler writes them
 * ({@code {status, detail, request, result}}). The request's headers are removed first: platform-http would otherwise
 * send them back in the answer (the Authorization header among them).
 */
final class BackendAnswers {

    private BackendAnswers() {
    }

    /**
     * Answers {@code body} as JSON; a body Jackson cannot write (a route's answer holding such a value) is answered as
     * a 500 naming why, since a request left without an answer would echo the request back with a 200.
     */
    static void json(Exchange http, int status, Object body) {
        int answered = status;
        byte[] json;
        try {
            json = Json.write(body);
        } catch (RuntimeException unwritable) {
            Throwable why = unwritable.getCause() != null ? unwritable.getCause() : unwritable;
            answered = 500;
            json = Json.write(errorBody(answered, "the answer cannot be written as JSON: " + describe(why), null));
        }
        http.getMessage().removeHeaders("*");
        HttpServedConsumerSupport.respond(http, answered, "application/json", new String(json,
                java.nio.charset.StandardCharsets.UTF_8));
    }

    static void error(Exchange http, int status, String detail, Map<String, Object> result) {
        json(http, status, errorBody(status, detail, result));
    }

    private static Map<String, Object> errorBody(int status, String detail, Map<String, Object> result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("detail", detail);
        body.put("request", Map.of());
        body.put("result", result == null ? Map.of() : result);
        return body;
    }

    /** The exception as the ml-backend writes it: its class name and message. */
    static String describe(Throwable error) {
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}

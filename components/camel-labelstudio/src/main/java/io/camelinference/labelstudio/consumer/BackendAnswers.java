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

    static void json(Exchange http, int status, Object body) {
        http.getMessage().removeHeaders("*");
        HttpServedConsumerSupport.respond(http, status, "application/json", new String(Json.write(body),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    static void error(Exchange http, int status, String detail, Map<String, Object> result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("detail", detail);
        body.put("request", Map.of());
        body.put("result", result == null ? Map.of() : result);
        json(http, status, body);
    }

    /** The exception as the ml-backend writes it: its class name and message. */
    static String describe(Throwable error) {
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}

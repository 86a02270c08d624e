package io.camelinference.common.http;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.common.json.Json;

/**
 * Finds the human-readable message and request id in an error answer. The five services use different envelopes
 * ({@code {message}}, {@code {errorMessages}}, {@code {detail}}, {@code {error}}, {@code {status,message}}); the
 * first field present wins, otherwise the start of the body text is used.
 */
public final class ProviderErrors {

    private static final List<String> MESSAGE_FIELDS = List.of("errorMessages", "message", "detail", "error",
            "error_description", "errors");
    private static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "request-id", "x-correlation-id",
            "x-amzn-requestid");
    private static final List<String> REQUEST_ID_FIELDS = List.of("requestId", "request_id");

    private ProviderErrors() {
    }

    public static String message(ApiResponse response) {
        JsonNode root = parse(response);
        String message = firstMessage(root, response);
        // Django REST Framework services (Label Studio) say "Validation error" in detail and the reasons per field here
        JsonNode fields = root != null && root.isObject() ? root.get("validation_errors") : null;
        if (fields != null && !fields.isNull() && !fields.isEmpty()) {
            message = (message == null ? "" : message + ": ") + fields;
        }
        return message;
    }

    private static String firstMessage(JsonNode root, ApiResponse response) {
        if (root != null && root.isObject()) {
            for (String field : MESSAGE_FIELDS) {
                JsonNode value = root.get(field);
                if (value == null || value.isNull()) {
                    continue;
                }
                if (value.isTextual()) {
                    if (!value.asText().isBlank()) {
                        return value.asText();
                    }
                } else if (value.isObject() && value.hasNonNull("message")) {
                    return value.get("message").asText();
                } else {
                    return value.toString();
                }
            }
        }
        String text = response.text().strip();
        return text.isEmpty() ? null : ApiResponse.abbreviate(text);
    }

    public static String requestId(ApiResponse response) {
        for (String header : REQUEST_ID_HEADERS) {
            String value = response.header(header);
            if (value != null) {
                return value;
            }
        }
        JsonNode root = parse(response);
        if (root != null && root.isObject()) {
            for (String field : REQUEST_ID_FIELDS) {
                if (root.hasNonNull(field)) {
                    return root.get(field).asText();
                }
            }
        }
        return null;
    }

    private static JsonNode parse(ApiResponse response) {
        if (response.body() == null || response.body().length == 0) {
            return null;
        }
        try {
            return Json.tree(response.body());
        } catch (Exception e) {
            return null;
        }
    }
}

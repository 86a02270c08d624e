package io.camelinference.common.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.common.json.Json;

/**
 * A service's answer: status, headers (lower-cased names), and either the body in memory or the file it was
 * streamed to.
 */
public record ApiResponse(int status, Map<String, String> headers, byte[] body, Path file) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public String text() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** Reads the body as the given record type; an unreadable body fails with what was expected. */
    public <T> T as(Class<T> type) {
        try {
            return Json.read(body, type);
        } catch (IOException e) {
            throw new IllegalStateException("Expected a JSON " + type.getSimpleName() + " from the service but got: "
                    + abbreviate(text()), e);
        }
    }

    public JsonNode json() {
        try {
            return Json.tree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Expected JSON from the service but got: " + abbreviate(text()), e);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}

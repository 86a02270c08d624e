package io.camelinference.common.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.common.json.Json;
import org.apache.hc.core5.http.Header;

/**
 * A service's answer: status, headers, and either the body in memory or the file it was streamed to.
 */
public record ApiResponse(int status, Header[] headers, byte[] body, Path file) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The first header of that name, case-insensitively, or null. */
    public String header(String name) {
        if (headers != null) {
            for (Header h : headers) {
                if (h.getName().equalsIgnoreCase(name)) {
                    return h.getValue();
                }
            }
        }
        return null;
    }

    public String text() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Reads the body as the given record type.
     *
     * @throws UnreadableBodyException naming the type that was expected; the raw body is not quoted (it may echo
     *                                 secrets), only its size and first characters after masking by the caller
     */
    public <T> T as(Class<T> type) {
        try {
            return Json.read(body, type);
        } catch (IOException e) {
            throw new UnreadableBodyException("Expected a JSON " + type.getSimpleName() + " from the service but got "
                    + describe(), e);
        }
    }

    public JsonNode json() {
        try {
            return Json.tree(body);
        } catch (IOException e) {
            throw new UnreadableBodyException("Expected JSON from the service but got " + describe(), e);
        }
    }

    /** Size and start of the body, for messages (masked by whoever puts it in an exception). */
    String describe() {
        int n = body == null ? 0 : body.length;
        if (n == 0) {
            return "an empty body";
        }
        return n + " bytes starting '" + abbreviate(text()) + "'";
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "...";
    }

    /** The body is not what the service documents. */
    public static final class UnreadableBodyException extends IllegalStateException {
        public UnreadableBodyException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

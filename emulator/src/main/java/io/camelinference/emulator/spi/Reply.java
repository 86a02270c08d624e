package io.camelinference.emulator.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelinference.emulator.internal.Json;

/**
 * What a route handler answers. The body is either a byte array or a file that is streamed to the client.
 */
public final class Reply {

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Path file;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Reply(int status, String contentType, byte[] body, Path file) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.file = file;
    }

    public static Reply json(int status, JsonNode node) {
        return new Reply(status, "application/json", Json.bytes(node), null);
    }

    public static Reply json(JsonNode node) {
        return json(200, node);
    }

    public static Reply bytes(int status, String contentType, byte[] body) {
        return new Reply(status, contentType, body, null);
    }

    public static Reply text(int status, String text) {
        return bytes(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Streams the file; it is not read into memory. */
    public static Reply file(String contentType, Path file) {
        return new Reply(200, contentType, null, file);
    }

    public static Reply empty(int status) {
        return new Reply(status, null, null, null);
    }

    public Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** Body length, or -1 when there is no body. */
    public long length() throws IOException {
        if (body != null) {
            return body.length;
        }
        if (file != null) {
            return Files.size(file);
        }
        return -1;
    }

    public InputStream open() throws IOException {
        if (file != null) {
            return Files.newInputStream(file);
        }
        return new java.io.ByteArrayInputStream(body == null ? new byte[0] : body);
    }
}

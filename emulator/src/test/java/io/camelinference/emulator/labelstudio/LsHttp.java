package io.camelinference.emulator.labelstudio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/** Calls to the emulated Label Studio with a chosen Authorization header. */
final class LsHttp {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String authorization;

    LsHttp(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    LsHttp as(String otherAuthorization) {
        return new LsHttp(base, otherAuthorization);
    }

    HttpResponse<String> send(String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> patch(String path, String json) throws Exception {
        return send("PATCH", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send("DELETE", path, null, null);
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return StubBackend.MAPPER.readTree(r.body());
    }

    static String text(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

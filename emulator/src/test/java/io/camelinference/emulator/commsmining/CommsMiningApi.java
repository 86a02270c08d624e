package io.camelinference.emulator.commsmining;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A small client of the emulated Communications Mining API for the tests. */
final class CommsMiningApi {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String DATASET = "/api/v1/datasets/demo/support-emails";
    static final String LIVE = DATASET + "/labellers/live";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    CommsMiningApi(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The answer: status and JSON body. */
    record Answer(int status, JsonNode json) {
    }

    Answer send(String method, String path, Object body) throws IOException, InterruptedException {
        return send(method, path, body, token);
    }

    Answer send(String method, String path, Object body, String withToken) throws IOException, InterruptedException {
        String json = body == null ? null : body instanceof String s ? s : MAPPER.writeValueAsString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (withToken != null) {
            b.header("Authorization", "Bearer " + withToken);
        }
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isEmpty() ? null : MAPPER.readTree(r.body()));
    }

    Answer post(String path, Object body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    /** A predict request body of one-message documents. */
    static ObjectNode documents(String... texts) {
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode docs = body.putArray("documents");
        for (String text : texts) {
            docs.addObject().putArray("messages").addObject().putObject("body").put("text", text);
        }
        return body;
    }
}

package io.camelinference.examples.scaleout.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** New e-mails synced into the emulated Communications Mining source, so they reach the end of its streams. */
public final class Comments {

    private static final String[] TEXTS = {"My order arrived damaged, I want a refund.",
        "Please send me the invoice for order 4471.", "Thank you for the quick help yesterday!",
        "I was charged twice for the same subscription.", "When will the replacement be delivered?"};

    private Comments() {
    }

    /**
     * Syncs comments {@code c-0001}..{@code c-<count>} into source demo/inbox and returns their uids (the source id,
     * a dot, the comment id), as the stream delivers them.
     */
    public static List<String> sync(String baseUrl, String token, int count) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode body = json.createObjectNode();
        ArrayNode comments = body.putArray("comments");
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = String.format("c-%04d", i);
            ids.add(id);
            ObjectNode c = comments.addObject().put("id", id).put("timestamp", "2024-06-01T10:00:00Z");
            c.putArray("messages").addObject().put("from", "customer" + i + "@example.com")
                    .putObject("body").put("text", "Message " + i + ": " + TEXTS[i % TEXTS.length]);
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/api/v1/sources/demo/inbox/sync"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("sync answered " + response.statusCode() + ": " + response.body());
            }
            String sourceId = json.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/api/v1/sources/demo/inbox")).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).path("source").path("id").asText();
            return ids.stream().map(id -> sourceId + "." + id).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

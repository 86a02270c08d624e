package io.camelinference.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelinference.emulator.internal.Json;

/** Posts provider callbacks (webhooks); its HTTP client and selector thread exist only once a callback is sent. */
final class CallbackClient {

    private volatile HttpClient client;

    /** Asynchronous and best effort, like a real service's webhook: the answer is discarded, a failure ignored. */
    void postJson(String url, JsonNode body) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))).build();
        client().sendAsync(req, HttpResponse.BodyHandlers.discarding());
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                }
                c = client;
            }
        }
        return c;
    }
}

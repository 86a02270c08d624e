package io.camelinference.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/** One request received by the webhook sink {@code POST /_emulator/sink/{name}}. {@code json} is null when not JSON. */
public record SinkDelivery(String name, Instant receivedAt, String contentType, Map<String, List<String>> headers,
                           String body, JsonNode json) {

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("name", name);
        n.put("receivedAt", receivedAt.toString());
        n.put("contentType", contentType);
        ObjectNode h = n.putObject("headers");
        headers.forEach((k, v) -> {
            var arr = h.putArray(k);
            v.forEach(arr::add);
        });
        n.put("body", body);
        n.set("json", json);
        return n;
    }
}

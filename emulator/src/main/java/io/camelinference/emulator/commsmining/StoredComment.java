package io.camelinference.emulator.commsmining;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * A comment held in a source: what {@code sync} stored, with its {@code uid} ({@code <source id>.<comment id>}) and the
 * time it was created on the platform, which orders a dataset's streams.
 */
record StoredComment(String uid, String sourceId, String id, Instant createdAt, ObjectNode json) {

    /** A comment as synced: {@code {id, timestamp, messages, user_properties, thread_id?}}. */
    static StoredComment of(String sourceId, JsonNode synced, Instant createdAt) {
        String id = synced.get("id").asText();
        ObjectNode json = Json.object();
        json.put("id", id);
        json.put("uid", sourceId + "." + id);
        if (synced.hasNonNull("thread_id")) {
            json.set("thread_id", synced.get("thread_id"));
        }
        json.put("timestamp", synced.path("timestamp").asText(createdAt.toString()));
        json.set("messages", synced.get("messages"));
        json.set("user_properties", synced.has("user_properties") ? synced.get("user_properties") : Json.object());
        if (synced.has("attachments")) {
            json.set("attachments", synced.get("attachments"));
        }
        json.put("created_at", createdAt.toString());
        json.put("has_annotations", false);
        return new StoredComment(sourceId + "." + id, sourceId, id, createdAt, json);
    }

    JsonNode messages() {
        return json.get("messages");
    }

    /** The same comment with new content, keeping its place in the streams. */
    StoredComment updatedWith(JsonNode synced) {
        return of(sourceId, synced, createdAt);
    }

    /** Whether syncing {@code synced} would change nothing. */
    boolean sameAs(JsonNode synced) {
        return json.get("messages").equals(synced.get("messages"))
                && json.get("timestamp").asText().equals(synced.path("timestamp").asText(json.get("timestamp").asText()))
                && json.get("user_properties").equals(synced.has("user_properties") ? synced.get("user_properties")
                : Json.object());
    }
}

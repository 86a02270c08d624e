package io.camelinference.emulator.commsmining;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;

/**
 * A dataset: its model versions, the comments of its sources in the order they were created on the platform (what its
 * streams walk through), its streams, and the AI units billed on it per API path.
 */
final class Dataset {

    private final String id;
    private final String project;
    private final String name;
    private final boolean restricted;
    private final ModelVersions models;
    private final List<StoredComment> sequence = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<String, StreamState> streams = new LinkedHashMap<>();
    private final Map<String, Long> billed = new TreeMap<>();

    Dataset(String id, String project, String name, boolean restricted, ModelVersions models) {
        this.id = id;
        this.project = project;
        this.name = name;
        this.restricted = restricted;
        this.models = models;
    }

    String id() {
        return id;
    }

    String fullName() {
        return project + "/" + name;
    }

    String project() {
        return project;
    }

    boolean restricted() {
        return restricted;
    }

    ModelVersions models() {
        return models;
    }

    /** Adds a comment at the end of the sequence, or replaces it in place. */
    synchronized void put(StoredComment comment) {
        Integer at = positions.get(comment.uid());
        if (at != null) {
            sequence.set(at, comment);
        } else {
            positions.put(comment.uid(), sequence.size());
            sequence.add(comment);
        }
    }

    synchronized int size() {
        return sequence.size();
    }

    /** Comments {@code from} (inclusive) to {@code to} (exclusive) of the sequence. */
    synchronized List<StoredComment> window(int from, int to) {
        return new ArrayList<>(sequence.subList(Math.max(0, from), Math.min(to, sequence.size())));
    }

    /** The position of the first comment created at or after the instant. */
    synchronized int positionAt(Instant createdAt) {
        for (int i = 0; i < sequence.size(); i++) {
            if (!sequence.get(i).createdAt().isBefore(createdAt)) {
                return i;
            }
        }
        return sequence.size();
    }

    synchronized Instant lastCreatedAt() {
        return sequence.isEmpty() ? Instant.EPOCH : sequence.get(sequence.size() - 1).createdAt();
    }

    synchronized StreamState stream(String streamName) {
        StreamState s = streams.get(streamName);
        if (s == null) {
            throw new ApiError(404, "Stream '" + fullName() + "/" + streamName + "' does not exist");
        }
        return s;
    }

    synchronized List<StreamState> streams() {
        return new ArrayList<>(streams.values());
    }

    synchronized void putStream(StreamState stream) {
        streams.put(stream.name(), stream);
    }

    synchronized void bill(String path, long units) {
        billed.merge(path, units, Long::sum);
    }

    /** Billing, comments and stream positions, for the emulator's state route. */
    synchronized ObjectNode state() {
        ObjectNode n = Json.object();
        ObjectNode b = n.putObject("billedUnits");
        billed.forEach(b::put);
        n.put("comments", sequence.size());
        ObjectNode s = n.putObject("streams");
        streams.forEach((k, v) -> {
            ObjectNode st = s.putObject(k);
            st.put("position", v.cursor());
            st.set("exceptions", v.exceptions());
        });
        return n;
    }
}

package io.camelinference.emulator.commsmining;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;

/**
 * A stream of a dataset: its definition (model version and label thresholds, an optional label filter) and its cursor,
 * the position in the dataset's comments (by creation time) the next {@code fetch} starts from. A fetch does not move
 * it; {@code advance} and {@code reset} do. Comments reported as exceptions are remembered.
 */
final class StreamState {

    private final String id;
    private final String name;
    private final String title;
    private final String description;
    private final Instant createdAt;
    private final Integer modelVersion;
    private final Map<String, Double> labelThresholds;
    private final String filterLabel;
    private final double filterThreshold;
    private int cursor;
    private final List<ObjectNode> exceptions = new ArrayList<>();

    StreamState(String id, String name, String title, String description, Instant createdAt, Integer modelVersion,
                Map<String, Double> labelThresholds, String filterLabel, double filterThreshold) {
        this.id = id;
        this.name = name;
        this.title = title;
        this.description = description;
        this.createdAt = createdAt;
        this.modelVersion = modelVersion;
        this.labelThresholds = new LinkedHashMap<>(labelThresholds);
        this.filterLabel = filterLabel;
        this.filterThreshold = filterThreshold;
    }

    /** A stream from the body of {@code PUT .../streams}: {@code {stream: {name, title?, model?, label_threshold_filter?}}}. */
    static StreamState fromRequest(JsonNode body, ModelVersions versions, String id) {
        JsonNode s = body.path("stream");
        String name = Json.text(s, "name");
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new ApiError(400, "Invalid request body: stream.name must be 1 to 64 letters, digits, '-' or '_'");
        }
        Integer version = null;
        Map<String, Double> thresholds = new LinkedHashMap<>();
        JsonNode model = s.get("model");
        if (model != null && !model.isNull()) {
            if (!model.path("version").canConvertToInt() || versions.get(model.path("version").asInt()) == null) {
                throw new ApiError(422, "stream.model.version must be a pinned model version of the dataset");
            }
            version = model.get("version").asInt();
            for (JsonNode lt : model.path("label_thresholds")) {
                String label = Taxonomy.name(lt.get("name"));
                if (label == null || !versions.taxonomy().contains(label) || !lt.path("threshold").isNumber()) {
                    throw new ApiError(422, "stream.model.label_thresholds: unknown label or missing threshold in " + lt);
                }
                thresholds.put(label, lt.get("threshold").asDouble());
            }
        }
        JsonNode filter = s.get("label_threshold_filter");
        String filterLabel = filter == null || filter.isNull() ? null : Taxonomy.name(filter.get("label"));
        return new StreamState(id, name, s.path("title").asText(name), s.path("description").asText(""),
                Instant.now(), version, thresholds, filterLabel, filter == null ? 0 : filter.path("threshold").asDouble());
    }

    String name() {
        return name;
    }

    synchronized int cursor() {
        return cursor;
    }

    synchronized void moveTo(int position) {
        this.cursor = position;
    }

    Integer modelVersion() {
        return modelVersion;
    }

    Map<String, Double> labelThresholds() {
        return labelThresholds;
    }

    /** Whether the comment passes the stream's label filter (always, without one). */
    boolean passes(LabelModel filterModel, JsonNode messages) {
        if (filterLabel == null) {
            return true;
        }
        return filterModel.probabilities(Predictor.text(messages)).getOrDefault(filterLabel, 0.0) >= filterThreshold;
    }

    synchronized void addException(ObjectNode exception) {
        exceptions.add(exception);
    }

    synchronized ArrayNode exceptions() {
        ArrayNode a = Json.array();
        exceptions.forEach(e -> a.add(e.deepCopy()));
        return a;
    }

    ObjectNode toJson(String datasetId) {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("dataset_id", datasetId);
        n.put("name", name);
        n.put("title", title);
        n.put("description", description);
        n.put("created_at", createdAt.toString());
        n.put("updated_at", createdAt.toString());
        n.putObject("comment_filter");
        if (filterLabel != null) {
            ObjectNode f = n.putObject("label_threshold_filter");
            f.put("label", filterLabel);
            f.put("model_version", modelVersion == null ? ModelVersions.LIVE : modelVersion);
            f.put("threshold", filterThreshold);
        } else {
            n.putNull("label_threshold_filter");
        }
        if (modelVersion != null) {
            ObjectNode m = n.putObject("model");
            m.put("version", modelVersion);
            ArrayNode lts = m.putArray("label_thresholds");
            labelThresholds.forEach((label, t) -> lts.addObject().<ObjectNode>set("name", Taxonomy.partsJson(label))
                    .put("threshold", t));
        }
        return n;
    }
}

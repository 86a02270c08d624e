package io.camelinference.labelstudio.consumer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.common.json.Json;
import io.camelinference.labelstudio.model.LabelConfig;
import io.camelinference.labelstudio.model.LabelStudioTask;

/**
 * A {@code /predict} request as Label Studio sends it ({@code ml/api_connector.py}): {@code tasks} (full task JSON),
 * {@code project} ({@code "<id>.<created seconds>"}), {@code label_config}, and {@code params.context} for interactive
 * annotation. Label configs are parsed once and cached: every request of a project repeats the same one.
 */
record PredictRequest(List<LabelStudioTask> tasks, Long project) {

    private static final int CACHED_CONFIGS = 32;
    private static final Map<String, LabelConfig> CONFIGS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LabelConfig> eldest) {
            return size() > CACHED_CONFIGS;
        }
    };

    /** @throws IllegalArgumentException saying what is wrong with the request */
    static PredictRequest parse(String body, String baseUrl) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body == null ? "" : body);
        } catch (Exception e) {
            throw new IllegalArgumentException("the predict request is not JSON: " + e.getMessage());
        }
        if (root == null || !root.path("tasks").isArray()) {
            throw new IllegalArgumentException("the predict request has no tasks list");
        }
        Long project = projectId(root.path("project"));
        LabelConfig config = config(root.path("label_config").asText(""));
        Map<String, Object> context = map(root.path("params").path("context"));
        List<LabelStudioTask> tasks = new ArrayList<>();
        for (JsonNode t : root.get("tasks")) {
            if (!t.path("id").canConvertToLong()) {
                throw new IllegalArgumentException("a task of the predict request has no id");
            }
            Long taskProject = t.path("project").canConvertToLong() ? t.get("project").asLong() : project;
            tasks.add(new LabelStudioTask(t.get("id").asLong(), taskProject, map(t.path("data")), map(t.path("meta")),
                    list(t.path("annotations")), list(t.path("predictions")), config, context, baseUrl));
        }
        return new PredictRequest(tasks, project);
    }

    static Long projectId(JsonNode project) {
        String text = project.isMissingNode() || project.isNull() ? "" : project.asText();
        String id = text.contains(".") ? text.substring(0, text.indexOf('.')) : text;
        try {
            return id.isEmpty() ? null : Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LabelConfig config(String xml) {
        synchronized (CONFIGS) {
            LabelConfig cached = CONFIGS.get(xml);
            if (cached != null) {
                return cached;
            }
        }
        LabelConfig parsed = LabelConfig.parse(xml);
        synchronized (CONFIGS) {
            CONFIGS.put(xml, parsed);
        }
        return parsed;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(JsonNode node) {
        return node != null && node.isObject() ? Json.convert(node, Map.class) : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(JsonNode node) {
        return node != null && node.isArray() ? Json.convert(node, List.class) : null;
    }
}

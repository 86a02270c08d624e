package io.camelinference.emulator.labelstudio;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads an ML backend's {@code /predict} answer as Label Studio does ({@code _get_predictions_from_ml_backend}): a
 * failed call, an answer without a {@code results} list, or an empty list give no predictions (and a log line); one
 * entry per task, each a prediction or a list of predictions with a {@code result}; an entry without {@code result}
 * is skipped. A count that does not match the tasks gives nothing (Label Studio's one-by-one fallback for a single
 * answer is not emulated).
 */
final class PredictionResults {

    /** A prediction to store. */
    record Prediction(TaskRecord task, JsonNode result, Double score, String modelVersion) {
    }

    private PredictionResults() {
    }

    static List<Prediction> read(BackendCalls.Result answer, List<TaskRecord> tasks, String backendVersion,
                                 LabelStudioStore store) {
        List<Prediction> out = new ArrayList<>();
        if (answer.isError()) {
            store.event("ERROR", "Error occurred: " + answer.error());
            return out;
        }
        JsonNode results = answer.response().get("results");
        if (!answer.response().isObject() || results == null) {
            store.event("ERROR", "ML backend returns an incorrect response, it must be a dict: " + answer.response());
            return out;
        }
        if (!results.isArray() || results.isEmpty()) {
            store.event("ERROR", "ML backend returns an incorrect response, results field must be a list with at"
                    + " least one item");
            return out;
        }
        if (results.size() != tasks.size()) {
            store.event("ERROR", "Number of tasks and responses are not equal: " + tasks.size() + " tasks != "
                    + results.size() + " responses. Returning empty predictions.");
            return out;
        }
        for (int i = 0; i < tasks.size(); i++) {
            JsonNode entry = results.get(i);
            List<JsonNode> each = new ArrayList<>();
            if (entry.isArray()) {
                entry.forEach(each::add);
            } else {
                each.add(entry);
            }
            for (JsonNode r : each) {
                if (!r.isObject() || !r.has("result")) {
                    store.event("ERROR", "ML backend returns an incorrect prediction, it should be a dict with the"
                            + " 'result' field: " + r);
                    continue;
                }
                Double score = r.path("score").isNumber() ? r.get("score").asDouble() : null;
                String version = r.hasNonNull("model_version") ? r.get("model_version").asText() : backendVersion;
                out.add(new Prediction(tasks.get(i), r.get("result"), score, version));
            }
        }
        return out;
    }
}

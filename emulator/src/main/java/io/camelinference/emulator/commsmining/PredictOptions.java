package io.camelinference.emulator.commsmining;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelinference.emulator.spi.ApiError;

/**
 * The {@code threshold} and {@code labels} of a predict request, checked as the service documents them: the threshold
 * a number from 0 to 1 (default 0.25) or {@code "auto"}; labels a list of {@code {name: [parts], threshold?}} naming
 * labels of the dataset, each threshold a number from 0 to 1. A value of the wrong type is a 400, a value out of range
 * or an unknown label a 422.
 *
 * @param threshold the top-level threshold; ignored when {@code auto}
 * @param auto      {@code threshold: "auto"}: each label is kept at its high-recall threshold and says which
 *                  automatic thresholds it reaches
 * @param labels    the requested labels and their own thresholds (null: the top-level one); empty for all labels
 */
record PredictOptions(double threshold, boolean auto, Map<String, Double> labels) {

    static final double DEFAULT_THRESHOLD = 0.25;

    static PredictOptions parse(JsonNode body, Taxonomy taxonomy) {
        JsonNode t = body.get("threshold");
        double threshold = DEFAULT_THRESHOLD;
        boolean auto = false;
        if (t != null && !t.isNull()) {
            if (t.isTextual() && "auto".equals(t.asText())) {
                auto = true;
            } else if (t.isNumber()) {
                threshold = unit("threshold", t.asDouble());
            } else {
                throw new ApiError(400, "Invalid request body: threshold must be a number between 0.0 and 1.0 or"
                        + " \"auto\", got " + t);
            }
        }
        Map<String, Double> labels = new LinkedHashMap<>();
        JsonNode requested = body.get("labels");
        if (requested != null && !requested.isNull()) {
            if (!requested.isArray()) {
                throw new ApiError(400, "Invalid request body: labels must be an array of {name, threshold}");
            }
            for (JsonNode label : requested) {
                String name = label.isObject() ? Taxonomy.name(label.get("name")) : null;
                if (name == null) {
                    throw new ApiError(400, "Invalid request body: each label needs a name, an array of strings such"
                            + " as [\"Parent Label\", \"Child Label\"]; got " + label);
                }
                if (!taxonomy.contains(name)) {
                    throw new ApiError(422, "Unknown label " + Taxonomy.partsJson(name) + ": the dataset's labels are "
                            + taxonomy.all());
                }
                JsonNode lt = label.get("threshold");
                Double own = null;
                if (lt != null && !lt.isNull()) {
                    if (!lt.isNumber()) {
                        throw new ApiError(400, "Invalid request body: the threshold of label " + name
                                + " must be a number between 0.0 and 1.0, got " + lt);
                    }
                    own = unit("the threshold of label " + name, lt.asDouble());
                }
                labels.put(name, own);
            }
        }
        return new PredictOptions(threshold, auto, labels);
    }

    private static double unit(String what, double value) {
        if (value < 0 || value > 1 || Double.isNaN(value)) {
            throw new ApiError(422, what + " must be between 0.0 and 1.0, got " + value);
        }
        return value;
    }
}

package io.camelinference.emulator.unitypredict;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.models.BuiltinModels;
import io.camelinference.emulator.models.LogisticRegression;

/** {@code heart-risk}: inputs {@code Age}, {@code Chol} (numbers); output {@code Label} (Boolean, P(true)). */
final class HeartRiskModel implements UnityPredictModel {

    @Override
    public String id() {
        return "heart-risk";
    }

    @Override
    public Result run(JsonNode inputs, Map<String, Path> uploads) {
        LogisticRegression model = BuiltinModels.heartRisk();
        StringBuilder errors = new StringBuilder();
        double age = number(inputs, "Age", "the age in years", errors);
        double chol = number(inputs, "Chol", "the serum cholesterol in mg/dl", errors);
        if (errors.length() > 0) {
            return Result.error(errors.toString().trim());
        }
        double p = model.probability(age, chol);
        ObjectNode outcomes = Json.object();
        UnityPredictModel.outcome(outcomes, "Label", "Boolean", p, p >= 0.5);
        return Result.ok(outcomes);
    }

    private static double number(JsonNode inputs, String name, String meaning, StringBuilder errors) {
        JsonNode v = UnityPredictModel.input(inputs, name);
        if (v == null) {
            errors.append("Input '").append(name).append("' is missing: expected a number (").append(meaning).append("). ");
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            try {
                double d = Double.parseDouble(v.asText().trim());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        errors.append("Input '").append(name).append("' must be a number (").append(meaning).append("), got ")
                .append(v.toString()).append(". ");
        return Double.NaN;
    }
}

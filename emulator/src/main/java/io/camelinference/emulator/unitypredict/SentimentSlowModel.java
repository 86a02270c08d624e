package io.camelinference.emulator.unitypredict;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.models.BuiltinModels;
import io.camelinference.emulator.models.NaiveBayes;

/** {@code sentiment-slow}: input {@code Text}; output {@code Sentiment} (positive/negative/neutral). Always slow. */
final class SentimentSlowModel implements UnityPredictModel {

    @Override
    public String id() {
        return "sentiment-slow";
    }

    @Override
    public boolean slow() {
        return true;
    }

    @Override
    public Result run(JsonNode inputs, Map<String, Path> uploads) {
        JsonNode text = UnityPredictModel.input(inputs, "Text");
        if (text == null) {
            return Result.error("Input 'Text' is missing: expected a string.");
        }
        if (!text.isTextual()) {
            return Result.error("Input 'Text' must be a string, got " + text + ".");
        }
        NaiveBayes.Prediction p = BuiltinModels.sentiment().classify(text.asText());
        ObjectNode outcomes = Json.object();
        UnityPredictModel.outcome(outcomes, "Sentiment", "String", p.probability(), p.label());
        return Result.ok(outcomes);
    }
}

package io.camelinference.emulator.unitypredict;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.models.BuiltinModels;
import io.camelinference.emulator.models.NaiveBayes;
import io.camelinference.emulator.models.TextStats;

/**
 * {@code text-summary}: one File input (any variable whose value is a generated upload name, conventionally
 * {@code InputFile}), optional {@code OutputName} (default {@code summary.txt}). Outputs {@code Summary} (File, value =
 * OutputName verbatim) and {@code Label} (sentiment of the first 10 KB). Reads the file streaming.
 */
final class TextSummaryModel implements UnityPredictModel {

    static final String DEFAULT_OUTPUT = "summary.txt";

    @Override
    public String id() {
        return "text-summary";
    }

    @Override
    public Result run(JsonNode inputs, Map<String, Path> uploads) throws Exception {
        String outputName = DEFAULT_OUTPUT;
        JsonNode on = UnityPredictModel.input(inputs, "OutputName");
        if (on != null) {
            if (!on.isTextual() || on.asText().isEmpty()) {
                return Result.error("Input 'OutputName' must be a non-empty string, got " + on + ".");
            }
            outputName = on.asText();
        }
        Path file = null;
        String candidateVar = null;
        String candidateValue = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = inputs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase("OutputName") || !e.getValue().isTextual()) {
                continue;
            }
            Path p = uploads.get(e.getValue().asText());
            if (p != null) {
                file = p;
                break;
            }
            if (candidateVar == null || e.getKey().equalsIgnoreCase("InputFile")) {
                candidateVar = e.getKey();
                candidateValue = e.getValue().asText();
            }
        }
        if (file == null) {
            if (candidateVar != null) {
                return Result.error("Input '" + candidateVar + "' refers to file '" + candidateValue
                        + "', which was not uploaded for this request: a File input's value must be the fileName"
                        + " returned by GET /api/predict/upload/{requestId}/{fileName}, and the model must be called"
                        + " as POST /api/predict/text-summary/{requestId}.");
            }
            return Result.error("Missing File input (e.g. 'InputFile'): expected the fileName returned by"
                    + " GET /api/predict/upload/{requestId}/{fileName}.");
        }
        TextStats.Report report;
        try (InputStream in = Files.newInputStream(file)) {
            report = TextStats.analyze(in, 10);
        }
        NaiveBayes.Prediction sentiment = BuiltinModels.sentiment().classify(report.head());
        ObjectNode outcomes = Json.object();
        ObjectNode summary = outcomes.putArray("Summary").addObject();
        summary.put("dataType", "File");
        summary.put("probability", 0.0);
        summary.put("value", outputName);
        UnityPredictModel.outcome(outcomes, "Label", "String", sentiment.probability(), sentiment.label());
        byte[] content = report.render(sentiment.label(), sentiment.probability()).getBytes(StandardCharsets.UTF_8);
        return new Result(outcomes, null, Map.of(outputName, content));
    }
}

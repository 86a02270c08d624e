package io.camelinference.emulator.unitypredict;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/** A model served by the UnityPredict emulator. */
interface UnityPredictModel {

    String id();

    /** Slow models always answer {@code Processing} first and finish after the emulator's slowModelMillis. */
    default boolean slow() {
        return false;
    }

    /**
     * Runs the model.
     *
     * @param inputs  the request's {@code InputValues} object (never null)
     * @param uploads files uploaded for the request, by generated file name (empty without a request id)
     */
    Result run(JsonNode inputs, Map<String, Path> uploads) throws Exception;

    /** Outcomes by variable, or an error message (status {@code Error}); output files by name. */
    record Result(ObjectNode outcomes, String error, Map<String, byte[]> files) {

        static Result ok(ObjectNode outcomes) {
            return new Result(outcomes, null, Map.of());
        }

        static Result error(String message) {
            return new Result(Json.object(), message, Map.of());
        }
    }

    /** Adds {@code var: [{dataType, probability, value}]} with a string value. */
    static void outcome(ObjectNode outcomes, String var, String dataType, double probability, String value) {
        ObjectNode o = outcomes.putArray(var).addObject();
        o.put("dataType", dataType);
        o.put("probability", round(probability));
        o.put("value", value);
    }

    static void outcome(ObjectNode outcomes, String var, String dataType, double probability, boolean value) {
        ObjectNode o = outcomes.putArray(var).addObject();
        o.put("dataType", dataType);
        o.put("probability", round(probability));
        o.put("value", value);
    }

    static double round(double p) {
        return Math.round(p * 1e9) / 1e9;
    }

    /** The input by exact name, else case-insensitively; null when absent or JSON null. */
    static JsonNode input(JsonNode inputs, String name) {
        JsonNode v = inputs.get(name);
        if (v == null) {
            for (var it = inputs.fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().equalsIgnoreCase(name)) {
                    v = e.getValue();
                    break;
                }
            }
        }
        return v == null || v.isNull() ? null : v;
    }
}

package io.camelinference.emulator.unitypredict;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Job;

/** UnityPredict's prediction answer, rendered from a job's current state on every read. */
final class PredictResponses {

    private final EmulatorContext ctx;

    PredictResponses(EmulatorContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The answer of predict, status and the callback: compute time, cost and outcomes only once the job ended, a
     * {@code statusUrl} while it is processing.
     */
    ObjectNode prediction(Job job) {
        Outcome o = job.payload();
        String state = job.state();
        boolean completed = UnityPredictProvider.STATES.completed().equals(state);
        boolean failed = UnityPredictProvider.STATES.error().equals(state);
        ObjectNode n = Json.object();
        n.put("contextId", o.contextId());
        n.put("requestId", o.requestId());
        n.put("errorMessages", failed ? job.failure() : "");
        n.put("logMessages", "");
        n.put("computeTime", completed || failed ? o.computeTime() : "00:00:00");
        n.put("computeTimeCharged", completed || failed ? o.computeTime() : "00:00:00");
        n.put("computeCost", completed || failed ? o.computeCost() : BigDecimal.ZERO);
        n.set("outcomes", completed ? o.outcomes() : Json.object());
        n.put("status", state);
        if (!completed && !failed) {
            n.put("statusUrl", ctx.baseUrl() + "/api/predict/status/" + o.requestId());
        }
        return n;
    }

    /** The answer of initialize (and of status before the request is predicted): {@code Processing}, no outcomes. */
    static ObjectNode initialized(FileRequest fr) {
        ObjectNode n = Json.object();
        n.put("contextId", fr.contextId());
        n.put("requestId", fr.requestId());
        n.putNull("errorMessages");
        n.putNull("logMessages");
        n.put("computeTime", "00:00:00");
        n.put("computeTimeCharged", "00:00:00");
        n.put("computeCost", 0.0);
        n.putObject("outcomeValues");
        n.putObject("outcomes");
        n.put("status", "Processing");
        return n;
    }
}

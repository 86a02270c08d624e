package io.camelinference.emulator.labelstudio;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * Predictions: list ({@code ?task=}, {@code ?project=}), create, get, update (PATCH), delete. A result whose regions do
 * not fit the project's label config is refused, saying which region and why.
 */
final class PredictionRoutes {

    private final EmulatorContext ctx;
    private final LabelStudioStore store;

    PredictionRoutes(EmulatorContext ctx, LabelStudioStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void register() {
        ctx.route("GET", "/api/predictions", LsErrors.wrap(this::list));
        ctx.route("POST", "/api/predictions", LsErrors.wrap(this::create));
        ctx.route("GET", "/api/predictions/{id}", LsErrors.wrap(r -> Reply.json(store.prediction(r.var("id"))
                .toJson())));
        ctx.route("PATCH", "/api/predictions/{id}", LsErrors.wrap(this::update));
        ctx.route("DELETE", "/api/predictions/{id}", LsErrors.wrap(r -> {
            store.removePrediction(store.prediction(r.var("id")));
            return Reply.empty(204);
        }));
    }

    private Reply list(Request r) {
        Long project = id(r.query("project"), "project");
        Long task = id(r.query("task"), "task");
        ArrayNode out = Json.array();
        store.predictions(project, task).forEach(p -> out.add(p.toJson()));
        return Reply.json(out);
    }

    private Reply create(Request r) throws Exception {
        JsonNode body = r.jsonObject("Expected a JSON object with task and result.");
        if (!body.hasNonNull("task")) {
            throw LsErrors.ValidationFailure.field("task", "This field is required.");
        }
        if (!body.path("task").canConvertToLong()) {
            throw LsErrors.ValidationFailure.field("task", "Incorrect type. Expected pk value, received "
                    + body.get("task").getNodeType() + ".");
        }
        TaskRecord task = store.taskOrNull(body.get("task").asLong());
        if (task == null) {
            throw LsErrors.ValidationFailure.field("task", "Invalid pk \"" + body.get("task").asText()
                    + "\" - object does not exist.");
        }
        JsonNode result = result(body, task);
        Double score = body.path("score").isNumber() ? body.get("score").asDouble() : null;
        return Reply.json(201, store.addPrediction(task, result, score, Json.text(body, "model_version"), null)
                .toJson());
    }

    private Reply update(Request r) throws Exception {
        PredictionRecord p = store.prediction(r.var("id"));
        JsonNode body = r.jsonObject("Expected a JSON object.");
        if (body.has("result")) {
            p.result = result(body, store.taskOrNull(p.taskId));
        }
        if (body.has("score")) {
            p.score = body.get("score").isNumber() ? body.get("score").asDouble() : null;
        }
        if (body.has("model_version")) {
            p.modelVersion = body.get("model_version").asText("");
        }
        p.updatedAt = Instant.now();
        return Reply.json(p.toJson());
    }

    private JsonNode result(JsonNode body, TaskRecord task) {
        JsonNode result = body.get("result");
        if (result == null || !result.isArray()) {
            throw LsErrors.ValidationFailure.field("result", "This field is required: a list of regions.");
        }
        Project project = store.project(String.valueOf(task.projectId));
        String problem = project.config.problem(result);
        if (problem != null) {
            throw LsErrors.ValidationFailure.refused("result", "The prediction for task " + task.id + " does not fit"
                    + " the label config of project " + project.id + ": " + problem + ". Label Studio would store it"
                    + " and never show it.");
        }
        return result;
    }

    private static Long id(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw LsErrors.ValidationFailure.field(name, "Select a valid choice. That choice is not one of the"
                    + " available choices.");
        }
    }
}

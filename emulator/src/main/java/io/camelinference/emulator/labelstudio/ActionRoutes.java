package io.camelinference.emulator.labelstudio;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * The data manager's actions: {@code GET /api/dm/actions?project=} lists them, {@code POST /api/dm/actions?id=
 * retrieve_tasks_predictions&project=N} with {@code {"selectedItems": {"all": false, "included": [ids]}}} (or
 * {@code {"all": true, "excluded": [...]}}) asks the project's first ML backend for predictions of those tasks,
 * synchronously, and answers {@code {processed_items, detail}}, as Label Studio does, even when nothing was stored.
 */
final class ActionRoutes {

    static final String RETRIEVE = "retrieve_tasks_predictions";

    private final EmulatorContext ctx;
    private final LabelStudioStore store;
    private final Backends backends;

    ActionRoutes(EmulatorContext ctx, LabelStudioStore store, Backends backends) {
        this.ctx = ctx;
        this.store = store;
        this.backends = backends;
    }

    void register() {
        ctx.route("GET", "/api/dm/actions", LsErrors.wrap(r -> {
            ArrayNode out = Json.array();
            out.addObject().put("id", RETRIEVE).put("title", "Retrieve Predictions").put("order", 90)
                    .put("permission", "predictions.any");
            return Reply.json(out);
        }));
        ctx.route("POST", "/api/dm/actions", LsErrors.wrap(this::run));
    }

    private Reply run(Request r) throws Exception {
        String id = r.query("id");
        if (!RETRIEVE.equals(id)) {
            throw new ApiError(404, "Can't find '" + id + "' in registered actions");
        }
        if (r.query("project") == null) {
            throw LsErrors.ValidationFailure.field("project", "This field is required.");
        }
        Project project = store.project(r.query("project"));
        List<TaskRecord> selected = selected(r.jsonObject("Expected a JSON object with selectedItems."), project);
        List<MlBackendRecord> attached = store.backends(project.id);
        if (!attached.isEmpty() && !selected.isEmpty()) {
            backends.predictTasks(attached.get(0), project, selected);
        }
        return Reply.json(Json.object().put("processed_items", selected.size())
                .put("detail", "Retrieved " + selected.size() + " predictions"));
    }

    private List<TaskRecord> selected(JsonNode body, Project project) {
        JsonNode items = body.path("selectedItems");
        if (!items.isObject() || !items.has("all")) {
            throw LsErrors.ValidationFailure.field("selectedItems", "selectedItems must be {\"all\": false,"
                    + " \"included\": [task ids]} or {\"all\": true, \"excluded\": [task ids]}.");
        }
        boolean all = items.get("all").asBoolean();
        Set<Long> listed = new HashSet<>();
        items.path(all ? "excluded" : "included").forEach(n -> listed.add(n.asLong()));
        List<TaskRecord> out = new ArrayList<>();
        for (TaskRecord t : store.tasks(project.id)) {
            if (all != listed.contains(t.id)) {
                out.add(t);
            }
        }
        return out;
    }
}

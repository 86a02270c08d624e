package io.camelinference.emulator.labelstudio;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/** Projects: list (paginated), create (with a label config), get, and the JSON export of tasks and annotations. */
final class ProjectRoutes {

    private final EmulatorContext ctx;
    private final LabelStudioStore store;

    ProjectRoutes(EmulatorContext ctx, LabelStudioStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void register() {
        ctx.route("GET", "/api/projects", LsErrors.wrap(this::list));
        ctx.route("POST", "/api/projects", LsErrors.wrap(this::create));
        ctx.route("GET", "/api/projects/{id}", LsErrors.wrap(r -> Reply.json(store.project(r.var("id"))
                .toJson(store))));
        ctx.route("GET", "/api/projects/{id}/export", LsErrors.wrap(this::export));
    }

    private Reply list(Request r) {
        Paging paging = Paging.of(r, 100);
        List<Project> all = store.projects();
        List<Project> page = paging.slice(all);
        if (page.isEmpty() && paging.page() > 1) {
            throw new ApiError(404, "Invalid page.");
        }
        ObjectNode n = Json.object();
        n.put("count", all.size());
        String base = ctx.baseUrl() + "/api/projects/?page_size=" + paging.size() + "&page=";
        if (paging.hasNext(all.size())) {
            n.put("next", base + (paging.page() + 1));
        } else {
            n.putNull("next");
        }
        if (paging.page() > 1) {
            n.put("previous", base + (paging.page() - 1));
        } else {
            n.putNull("previous");
        }
        ArrayNode results = n.putArray("results");
        page.forEach(p -> results.add(p.toJson(store)));
        return Reply.json(n);
    }

    private Reply create(Request r) throws Exception {
        JsonNode body = r.jsonObject("Expected a JSON object with title, description and label_config.");
        JsonNode config = body.get("label_config");
        if (config != null && !config.isNull() && !config.isTextual()) {
            throw LsErrors.ValidationFailure.field("label_config", "Not a valid string.");
        }
        String title = Json.text(body, "title");
        if (title != null && title.length() > 50) {
            throw LsErrors.ValidationFailure.field("title", "Ensure this field has no more than 50 characters.");
        }
        Project p = store.addProject(title == null ? "" : title, Json.text(body, "description") == null ? ""
                : Json.text(body, "description"), LabelConfig.parse(config == null ? null : config.asText(null)));
        return Reply.json(201, p.toJson(store));
    }

    /**
     * JSON (tasks with data, annotations and predictions) or JSON_MIN (data plus each annotation's values flattened);
     * only annotated tasks unless {@code download_all_tasks=true}, as in Label Studio.
     */
    private Reply export(Request r) {
        Project p = store.project(r.var("id"));
        String type = r.query("exportType") != null ? r.query("exportType")
                : r.query("export_type") != null ? r.query("export_type") : "JSON";
        if (!type.equals("JSON") && !type.equals("JSON_MIN")) {
            throw LsErrors.ValidationFailure.field("exportType", "\"" + type + "\" is not a valid choice. The"
                    + " emulator exports JSON and JSON_MIN.");
        }
        boolean all = "true".equalsIgnoreCase(r.query("download_all_tasks"));
        ArrayNode out = Json.array();
        for (TaskRecord t : store.tasks(p.id)) {
            if (!all && t.annotations.isEmpty()) {
                continue;
            }
            out.add(type.equals("JSON") ? t.toJson(store, true) : minimal(t));
        }
        return Reply.json(out).header("Content-Disposition", "attachment; filename=\"project-" + p.id + "-at-"
                + java.time.LocalDate.now() + "-" + type.toLowerCase(java.util.Locale.ROOT) + ".json\"");
    }

    private static ObjectNode minimal(TaskRecord t) {
        ObjectNode n = t.data.deepCopy();
        n.put("id", t.id);
        for (JsonNode annotation : t.annotations) {
            for (JsonNode region : annotation.path("result")) {
                JsonNode value = region.path("value");
                String type = region.path("type").asText();
                n.set(region.path("from_name").asText(), value.has(type) ? value.get(type) : value);
            }
        }
        return n;
    }
}

package io.camelinference.emulator.labelstudio;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * Tasks: {@code GET /api/tasks/?project=&page=&page_size=} answers {@code {tasks, total, total_annotations,
 * total_predictions}} (a page past the end is empty, as the SDK's pager expects); {@code fields=all} adds annotations
 * and predictions. {@code GET /api/tasks/{id}/} gives one task with them.
 */
final class TaskRoutes {

    private final EmulatorContext ctx;
    private final LabelStudioStore store;

    TaskRoutes(EmulatorContext ctx, LabelStudioStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void register() {
        ctx.route("GET", "/api/tasks", LsErrors.wrap(this::list));
        ctx.route("GET", "/api/tasks/{id}", LsErrors.wrap(r -> Reply.json(store.task(r.var("id")).toJson(store, true))));
    }

    private Reply list(Request r) {
        if (r.query("project") == null) {
            throw LsErrors.ValidationFailure.field("project", "This field is required: the tasks of which project.");
        }
        Project project = store.project(r.query("project"));
        Paging paging = Paging.of(r, 100);
        List<TaskRecord> all = store.tasks(project.id);
        boolean full = "all".equals(r.query("fields"));
        ObjectNode n = Json.object();
        ArrayNode tasks = n.putArray("tasks");
        paging.slice(all).forEach(t -> tasks.add(t.toJson(store, full)));
        n.put("total", all.size());
        n.put("total_annotations", all.stream().mapToInt(t -> t.annotations.size()).sum());
        n.put("total_predictions", store.predictions(project.id, null).size());
        return Reply.json(n);
    }
}

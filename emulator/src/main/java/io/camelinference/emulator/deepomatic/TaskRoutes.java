package io.camelinference.emulator.deepomatic;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Job;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/** Tasks: one by id, or many in one call ({@code ?task_ids=1&task_ids=2} or comma-separated), paginated. */
final class TaskRoutes {

    private static final String PREFIX = DeepomaticProvider.PREFIX;

    private final EmulatorContext ctx;
    private final SpecStore store;

    /** The stats count of task ids the batched status calls asked about. */
    static final String TASK_IDS_ASKED = "task ids asked by GET /tasks";

    TaskRoutes(EmulatorContext ctx, SpecStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void register() {
        ctx.route("GET", PREFIX + "/tasks", this::list);
        ctx.route("GET", PREFIX + "/tasks/{taskId}", this::get);
    }

    private Reply get(Request r) {
        Job job = ctx.jobs().statusOf(DeepomaticProvider.NAME, r.var("taskId"));
        if (job == null) {
            throw new ApiError(404, "No task " + r.var("taskId") + ".");
        }
        return Reply.json(render(job));
    }

    private Reply list(Request r) {
        List<String> requested = new ArrayList<>();
        for (String value : r.queryValues("task_ids")) {
            for (String id : value.split(",")) {
                if (!id.isBlank()) {
                    requested.add(id.trim());
                }
            }
        }
        List<String[]> params = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (String id : requested) {
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                throw new ApiError(400, "task_ids: \"" + id + "\" is not a valid task id (an integer).");
            }
            params.add(new String[] {"task_ids", id});
        }
        if (requested.isEmpty()) {
            ids.addAll(store.taskIds());
        } else {
            ctx.count(TASK_IDS_ASKED, requested.size());
        }
        ArrayNode all = Json.array();
        for (Long id : ids) {
            Job job = ctx.jobs().statusOf(DeepomaticProvider.NAME, String.valueOf(id));
            if (job != null) {
                all.add(render(job));
            }
        }
        return Pagination.page(r, all, PREFIX + "/tasks/", params);
    }

    /** A task from its job's current state: {@code data} once {@code success}, {@code error} once failed. */
    private static ObjectNode render(Job job) {
        String state = job.state();
        ObjectNode n = Json.object();
        n.put("id", job.id());
        n.put("status", state);
        if (DeepomaticProvider.STATES.error().equals(state)) {
            n.put("error", job.failure());
        } else {
            n.putNull("error");
        }
        n.put("date_created", job.createdAt().toString());
        n.put("date_updated", (job.isFinished() ? job.createdAt().plusMillis(job.durationMillis())
                : job.createdAt()).toString());
        if (DeepomaticProvider.STATES.completed().equals(state)) {
            n.set("data", job.<JsonNode>payload());
        } else {
            n.putNull("data");
        }
        n.putNull("subtasks");
        return n;
    }
}

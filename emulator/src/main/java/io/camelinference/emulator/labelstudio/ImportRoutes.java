package io.camelinference.emulator.labelstudio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * {@code POST /api/projects/{id}/import}: a JSON body (a list of tasks, or one), or task files in a multipart form.
 * A task is {@code {"data": {...}, "annotations": [...], "predictions": [...]}} or just its data; its data must hold
 * every field the label config reads. Answers as the community edition does, synchronously, with the counts.
 */
final class ImportRoutes {

    private final EmulatorContext ctx;
    private final LabelStudioStore store;

    ImportRoutes(EmulatorContext ctx, LabelStudioStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void register() {
        ctx.route("POST", "/api/projects/{id}/import", LsErrors.wrap(this::importTasks));
    }

    private Reply importTasks(Request r) throws Exception {
        long start = System.nanoTime();
        Project project = store.project(r.var("id"));
        List<JsonNode> items = new ArrayList<>();
        Map<String, Integer> formats = new LinkedHashMap<>();
        ArrayNode uploads = Json.array();
        if (MultipartForm.isMultipart(r.header("Content-Type"))) {
            int upload = 1;
            for (MultipartForm.Part part : MultipartForm.parse(r.bodyBytes(), r.header("Content-Type"))) {
                if (part.fileName() != null) {
                    items.addAll(TaskFiles.read(part, project.config));
                    formats.merge(TaskFiles.format(part), 1, Integer::sum);
                    uploads.add(upload++);
                }
            }
        } else {
            items.addAll(TaskFiles.json(new String(r.bodyBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    "the request body"));
        }
        if (items.isEmpty()) {
            throw LsErrors.ValidationFailure.field("non_field_errors", "load_tasks: No tasks added");
        }
        List<ObjectNode> datas = new ArrayList<>();
        List<ObjectNode> metas = new ArrayList<>();
        List<ArrayNode> annotations = new ArrayList<>();
        List<JsonNode> predictions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                throw LsErrors.ValidationFailure.field("data", "Error at item " + i + ": a task must be a JSON object,"
                        + " got " + item.getNodeType());
            }
            boolean wrapped = item.path("data").isObject();
            ObjectNode data = (ObjectNode) (wrapped ? item.get("data") : item).deepCopy();
            for (String key : project.config.dataKeys()) {
                if (!data.has(key)) {
                    throw LsErrors.ValidationFailure.field("data", "Error at item " + i + ": \"" + key + "\" key is"
                            + " expected in task data (the label config reads $" + key + "); the task has "
                            + new TreeSet<>(iterable(data)));
                }
            }
            datas.add(data);
            metas.add(wrapped && item.path("meta").isObject() ? (ObjectNode) item.get("meta").deepCopy() : Json.object());
            annotations.add(wrapped ? numbered(item.path("annotations")) : Json.array());
            JsonNode p = wrapped ? item.path("predictions") : Json.array();
            for (JsonNode prediction : p) {
                String problem = project.config.problem(prediction.path("result"));
                if (problem != null) {
                    throw LsErrors.ValidationFailure.refused("predictions", "Error at item " + i + ": its prediction"
                            + " does not fit the project's label config: " + problem);
                }
            }
            predictions.add(p);
        }
        List<TaskRecord> added = store.addTasks(project, datas, metas, annotations);
        int predictionCount = 0;
        for (int i = 0; i < added.size(); i++) {
            for (JsonNode p : predictions.get(i)) {
                store.addPrediction(added.get(i), p.get("result"), p.path("score").isNumber()
                        ? p.get("score").asDouble() : null, Json.text(p, "model_version"), null);
                predictionCount++;
            }
        }
        return Reply.json(201, answer(r, added, annotations, predictionCount, uploads, formats, datas, start));
    }

    private static ObjectNode answer(Request r, List<TaskRecord> added, List<ArrayNode> annotations,
                                     int predictionCount, ArrayNode uploads, Map<String, Integer> formats,
                                     List<ObjectNode> datas, long start) {
        ObjectNode n = Json.object();
        n.put("task_count", added.size());
        n.put("annotation_count", annotations.stream().mapToInt(ArrayNode::size).sum());
        n.put("prediction_count", predictionCount);
        n.put("duration", (System.nanoTime() - start) / 1e9);
        n.set("file_upload_ids", uploads);
        n.put("could_be_tasks_list", false);
        if (formats.isEmpty()) {
            n.putArray("found_formats");
        } else {
            ObjectNode f = n.putObject("found_formats");
            formats.forEach(f::put);
        }
        TreeSet<String> columns = new TreeSet<>();
        datas.forEach(d -> columns.addAll(new TreeSet<>(iterable(d))));
        columns.forEach(n.putArray("data_columns")::add);
        if ("true".equalsIgnoreCase(r.query("return_task_ids"))) {
            ArrayNode ids = n.putArray("task_ids");
            added.forEach(t -> ids.add(t.id));
        }
        return n;
    }

    private static ArrayNode numbered(JsonNode annotations) {
        ArrayNode out = Json.array();
        int id = 1;
        for (JsonNode a : annotations) {
            ObjectNode copy = a.isObject() ? (ObjectNode) a.deepCopy() : Json.object();
            if (!copy.has("id")) {
                copy.put("id", id);
            }
            id++;
            out.add(copy);
        }
        return out;
    }

    private static List<String> iterable(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package io.camelinference.emulator.labelstudio;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;

/**
 * The emulated Label Studio's state: projects, their tasks, predictions and ML backends, in id order; and a short log of
 * what its server would log about its calls to ML backends (errors it otherwise swallows).
 */
final class LabelStudioStore {

    private static final int EVENTS_KEPT = 200;

    private final Map<Long, Project> projects = new ConcurrentSkipListMap<>();
    private final Map<Long, TaskRecord> tasks = new ConcurrentSkipListMap<>();
    private final Map<Long, PredictionRecord> predictions = new ConcurrentSkipListMap<>();
    private final Map<Long, MlBackendRecord> backends = new ConcurrentSkipListMap<>();
    private final AtomicLong projectIds = new AtomicLong(1);
    private final AtomicLong taskIds = new AtomicLong(1);
    private final AtomicLong predictionIds = new AtomicLong(1);
    private final AtomicLong backendIds = new AtomicLong(1);
    private final Deque<ObjectNode> events = new ArrayDeque<>();

    Project addProject(String title, String description, LabelConfig config) {
        Project p = new Project(projectIds.getAndIncrement(), title, description, config);
        projects.put(p.id, p);
        return p;
    }

    List<Project> projects() {
        return new ArrayList<>(projects.values());
    }

    Project project(String id) {
        Project p = projects.get(parseId(id));
        if (p == null) {
            throw new ApiError(404, "No Project matches the given query.");
        }
        return p;
    }

    /** Adds the tasks of one import to a project, numbering them within it. */
    synchronized List<TaskRecord> addTasks(Project project, List<ObjectNode> datas, List<ObjectNode> metas,
                                           List<ArrayNode> annotations) {
        long inner = tasks(project.id).size();
        List<TaskRecord> added = new ArrayList<>();
        for (int i = 0; i < datas.size(); i++) {
            TaskRecord t = new TaskRecord(taskIds.getAndIncrement(), project.id, ++inner, datas.get(i), metas.get(i),
                    annotations.get(i));
            tasks.put(t.id, t);
            added.add(t);
        }
        return added;
    }

    List<TaskRecord> tasks(long projectId) {
        return tasks.values().stream().filter(t -> t.projectId == projectId).toList();
    }

    TaskRecord task(String id) {
        TaskRecord t = tasks.get(parseId(id));
        if (t == null) {
            throw new ApiError(404, "No Task matches the given query.");
        }
        return t;
    }

    TaskRecord taskOrNull(long id) {
        return tasks.get(id);
    }

    PredictionRecord addPrediction(TaskRecord task, JsonNode result, Double score, String modelVersion, Long backend) {
        PredictionRecord p = new PredictionRecord(predictionIds.getAndIncrement(), task.id, task.projectId, result,
                score, modelVersion, backend);
        predictions.put(p.id, p);
        return p;
    }

    /** Predictions of a project (or all, for null), of one task when {@code taskId} is set. */
    List<PredictionRecord> predictions(Long projectId, Long taskId) {
        return predictions.values().stream().filter(p -> projectId == null || p.projectId == projectId)
                .filter(p -> taskId == null || p.taskId == taskId).toList();
    }

    List<PredictionRecord> predictionsOfTask(long taskId) {
        return predictions(null, taskId);
    }

    PredictionRecord prediction(String id) {
        PredictionRecord p = predictions.get(parseId(id));
        if (p == null) {
            throw new ApiError(404, "No Prediction matches the given query.");
        }
        return p;
    }

    void removePrediction(PredictionRecord p) {
        predictions.remove(p.id);
    }

    MlBackendRecord addBackend(long projectId, String url) {
        MlBackendRecord b = new MlBackendRecord(backendIds.getAndIncrement(), projectId, url);
        backends.put(b.id, b);
        return b;
    }

    List<MlBackendRecord> backends(long projectId) {
        return backends.values().stream().filter(b -> b.projectId == projectId).toList();
    }

    MlBackendRecord backend(String id) {
        MlBackendRecord b = backends.get(parseId(id));
        if (b == null) {
            throw new ApiError(404, "No MLBackend matches the given query.");
        }
        return b;
    }

    void removeBackend(MlBackendRecord b) {
        backends.remove(b.id);
    }

    /** Records what Label Studio's server log would say about a call to an ML backend. */
    synchronized void event(String level, String message) {
        ObjectNode e = Json.object().put("at", java.time.Instant.now().toString()).put("level", level)
                .put("message", message);
        events.addLast(e);
        while (events.size() > EVENTS_KEPT) {
            events.removeFirst();
        }
    }

    synchronized ArrayNode events() {
        ArrayNode out = Json.array();
        events.forEach(out::add);
        return out;
    }

    synchronized void reset() {
        projects.clear();
        tasks.clear();
        predictions.clear();
        backends.clear();
        events.clear();
        projectIds.set(1);
        taskIds.set(1);
        predictionIds.set(1);
        backendIds.set(1);
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ApiError(404, "Not found.");
        }
    }
}

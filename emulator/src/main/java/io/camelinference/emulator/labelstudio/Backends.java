package io.camelinference.emulator.labelstudio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * What Label Studio does with an ML backend ({@code ml/models.py}, {@code ml/serializers.py}): checks it before adding
 * it (health, then setup), updates its state before using it (health failing: {@code DI}; setup failing: {@code ER}
 * with the error; else {@code CO} and the model version setup answered), asks it for predictions of the tasks that
 * have none of its current model version and stores them, starts its training with a {@code START_TRAINING} webhook,
 * asks it interactively, and asks it for its versions.
 */
final class Backends {

    private final LabelStudioStore store;
    private final BackendCalls calls;
    private final LabelStudioSettings settings;
    private final java.util.function.Supplier<String> hostname;
    private final String accessToken;

    Backends(LabelStudioStore store, BackendCalls calls, LabelStudioSettings settings, java.util.function.Supplier<String> hostname,
             String accessToken) {
        this.store = store;
        this.calls = calls;
        this.settings = settings;
        this.hostname = hostname;
        this.accessToken = accessToken;
    }

    /** The serializer's checks of a backend about to be added or changed; a failure is a validation error. */
    void validate(BackendCalls.Target target, Project project, JsonNode extraParams) {
        BackendCalls.Result health = calls.get(target, "health", settings.healthTimeout());
        if (health.isError()) {
            throw LsErrors.ValidationFailure.field("non_field_errors", health.status() == 401
                    ? "Able to connect to ML Server, but authentication parameters were either not provided or are"
                            + " incorrect."
                    : "Can't connect to ML backend " + target.url() + ", health check failed. Make sure it is up and"
                            + " your firewall is properly configured. Additional info: " + health.error());
        }
        BackendCalls.Result setup = setup(target, project, extraParams);
        if (setup.isError()) {
            throw LsErrors.ValidationFailure.field("non_field_errors", "Successfully connected to " + target.url()
                    + " but it doesn't look like a valid ML backend. Reason: " + setup.error() + ".\nCheck the ML"
                    + " backend server console logs to check the status.");
        }
    }

    /** Health, then setup; sets the state; gives the model version setup answered, or null when not ready. */
    String updateState(MlBackendRecord b, Project project) {
        String modelVersion = null;
        BackendCalls.Target target = BackendCalls.Target.of(b);
        if (calls.get(target, "health", settings.healthTimeout()).isError()) {
            b.state = MlBackendRecord.DISCONNECTED;
        } else {
            BackendCalls.Result setup = setup(target, project, b.extraParams);
            if (setup.isError()) {
                store.event("INFO", "ML backend responds with error: " + setup.error());
                b.state = MlBackendRecord.ERROR;
                b.errorMessage = setup.error();
            } else {
                b.state = MlBackendRecord.CONNECTED;
                modelVersion = setup.response().path("model_version").asText(null);
                if (b.autoUpdate) {
                    b.modelVersion = modelVersion == null ? "" : modelVersion;
                }
                b.errorMessage = null;
            }
        }
        b.updatedAt = Instant.now();
        return modelVersion;
    }

    private BackendCalls.Result setup(BackendCalls.Target target, Project project, JsonNode extraParams) {
        ObjectNode body = Json.object();
        body.put("project", project.uid());
        body.put("schema", project.config.xml());
        body.put("hostname", hostname.get());
        body.put("access_token", accessToken);
        body.set("extra_params", extraParams == null ? body.nullNode() : extraParams);
        return calls.post(target, "setup", body, settings.setupTimeout());
    }

    /**
     * {@code predict_tasks}: asks for the tasks without a prediction of the current model version and stores what
     * comes back. Errors of the call are logged and store nothing, as in Label Studio; predictions that do not fit the
     * label config are refused (Label Studio would store them and never show them).
     *
     * @return how many predictions were stored
     */
    int predictTasks(MlBackendRecord b, Project project, List<TaskRecord> selected) {
        String modelVersion = updateState(b, project);
        if (b.notReady()) {
            store.event("DEBUG", "ML backend " + b.title + " (id=" + b.id + ", url=" + b.url + ") is not ready");
            return 0;
        }
        List<TaskRecord> tasks = new ArrayList<>();
        for (TaskRecord t : selected) {
            boolean predicted = store.predictionsOfTask(t.id).stream()
                    .anyMatch(p -> p.modelVersion.equals(modelVersion));
            if (!predicted) {
                tasks.add(t);
            }
        }
        if (tasks.isEmpty()) {
            store.event("DEBUG", "All tasks already have prediction from model version=" + modelVersion);
            return 0;
        }
        ArrayNode serialized = Json.array();
        tasks.forEach(t -> serialized.add(t.toJson(store, true)));
        BackendCalls.Result result = calls.post(BackendCalls.Target.of(b), "predict",
                predictRequest(serialized, project, null), settings.predictTimeout());
        List<PredictionResults.Prediction> predictions = PredictionResults.read(result, tasks, b.modelVersion, store);
        for (PredictionResults.Prediction p : predictions) {
            String problem = project.config.problem(p.result());
            if (problem != null) {
                throw LsErrors.ValidationFailure.refused("result", "ML backend " + b.url + " predicted for task "
                        + p.task().id + " a result that does not fit the project's label config: " + problem
                        + ". Nothing was stored (Label Studio itself would store it and never show it).");
            }
        }
        predictions.forEach(p -> store.addPrediction(p.task(), p.result(), p.score(), p.modelVersion(), b.id));
        return predictions.size();
    }

    private static ObjectNode predictRequest(ArrayNode tasks, Project project, JsonNode context) {
        ObjectNode request = Json.object();
        request.set("tasks", tasks);
        request.put("project", project.uid());
        request.put("label_config", project.config.xml());
        ObjectNode params = request.putObject("params");
        params.putNull("login");
        params.putNull("password");
        params.set("context", context == null ? params.nullNode() : context);
        return request;
    }

    /** Training: the {@code START_TRAINING} webhook with the serialized project; the state follows its answer. */
    void train(MlBackendRecord b, Project project) {
        ObjectNode request = Json.object();
        request.put("action", "START_TRAINING");
        request.set("project", project.toJson(store));
        BackendCalls.Result result = calls.post(BackendCalls.Target.of(b), "webhook", request, settings.trainTimeout());
        if (result.isError()) {
            b.state = MlBackendRecord.ERROR;
            b.errorMessage = result.error();
        } else {
            b.state = MlBackendRecord.TRAINING;
        }
        b.updatedAt = Instant.now();
    }

    /** Interactive pre-annotation of one task: {@code {data}} with the first result, or {@code {errors}}. */
    ObjectNode interactive(MlBackendRecord b, Project project, TaskRecord task, JsonNode context) {
        ObjectNode out = Json.object();
        if (!b.interactive) {
            out.putArray("errors").add("Model is not set to be used for interactive preannotations");
            return out;
        }
        ArrayNode tasks = Json.array().add(task.toJson(store, true));
        BackendCalls.Result result = calls.post(BackendCalls.Target.of(b), "predict",
                predictRequest(tasks, project, context), settings.predictTimeout());
        if (result.isError()) {
            out.putArray("errors").add(result.error());
        } else if (!result.response().path("results").isArray() || result.response().path("results").isEmpty()) {
            out.putArray("errors").add("Incorrect response from ML service: ML backend has to return list with more"
                    + " than 1 result.");
        } else {
            out.set("data", result.response().path("results").get(0));
        }
        return out;
    }

    /** The backend's versions; one that has no {@code /versions} gives its current model version. */
    ObjectNode versions(MlBackendRecord b, Project project) {
        BackendCalls.Result result = calls.get(BackendCalls.Target.of(b), "versions",
                settings.setupTimeout());
        ObjectNode out = Json.object();
        if (result.status() == 200 && !result.isError()) {
            out.set("versions", result.response().path("versions").isArray() ? result.response().get("versions")
                    : Json.array());
        } else if (result.status() == 404) {
            out.putArray("versions").add(b.modelVersion);
            out.put("message", "Upgrade your ML backend version to latest.");
        } else {
            out.put("error", result.error());
            out.put("status_code", result.status() > 0 ? result.status() : 500);
        }
        return out;
    }
}

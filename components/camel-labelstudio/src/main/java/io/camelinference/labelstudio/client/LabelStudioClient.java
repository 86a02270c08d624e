package io.camelinference.labelstudio.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelinference.common.body.MultipartFormBody;
import io.camelinference.common.body.RequestBody;
import io.camelinference.common.body.UploadSource;
import io.camelinference.common.http.ApiRequest;
import io.camelinference.common.http.InferenceHttpClient;
import io.camelinference.common.http.Pages;
import io.camelinference.common.retry.RetrySafety;
import io.camelinference.labelstudio.model.ActionResult;
import io.camelinference.labelstudio.model.ImportResult;
import io.camelinference.labelstudio.model.InteractiveResult;
import io.camelinference.labelstudio.model.MlBackend;
import io.camelinference.labelstudio.model.MlBackendRequest;
import io.camelinference.labelstudio.model.ModelVersions;
import io.camelinference.labelstudio.model.Prediction;
import io.camelinference.labelstudio.model.PredictionRequest;
import io.camelinference.labelstudio.model.Project;
import io.camelinference.labelstudio.model.ProjectPage;
import io.camelinference.labelstudio.model.ProjectRequest;
import io.camelinference.labelstudio.model.Task;
import io.camelinference.labelstudio.model.TaskPage;
import org.apache.hc.core5.http.ContentType;

/**
 * Label Studio's REST API as typed, non-blocking calls, with the paths the official SDK uses. Calls that create
 * something (a project, tasks, a backend, a prediction, a training run, predictions by the backend) are never re-sent
 * once Label Studio may have received them.
 */
public final class LabelStudioClient {

    /** Label Studio's "Retrieve Predictions" waits for the backend (ML_TIMEOUT_PREDICT is 100 s) after its checks. */
    static final Duration RETRIEVE_TIMEOUT = Duration.ofSeconds(110);

    private final InferenceHttpClient http;

    public LabelStudioClient(InferenceHttpClient http) {
        this.http = http;
    }

    public CompletableFuture<List<MlBackend>> listBackends(long project) {
        return http.send(ApiRequest.get("/api/ml/?project=" + project).build(), MlBackend[].class).thenApply(Arrays::asList);
    }

    public CompletableFuture<MlBackend> createBackend(MlBackendRequest request) {
        return Refusals.explain(http.send(ApiRequest.post("/api/ml/").body(RequestBody.json(request)).build(),
                MlBackend.class), Refusals.backend(request.url()));
    }

    public CompletableFuture<MlBackend> getBackend(long id) {
        return http.send(ApiRequest.get("/api/ml/" + id).build(), MlBackend.class);
    }

    /** PATCH of the given fields: sending the same fields twice gives the same backend. */
    public CompletableFuture<MlBackend> updateBackend(long id, Object fields) {
        return Refusals.explain(http.send(ApiRequest.patch("/api/ml/" + id).body(RequestBody.json(fields))
                .safety(RetrySafety.IDEMPOTENT).build(), MlBackend.class), Refusals.backend("the backend's URL"));
    }

    public CompletableFuture<Void> deleteBackend(long id) {
        return http.send(ApiRequest.delete("/api/ml/" + id).build()).thenApply(r -> null);
    }

    public CompletableFuture<Void> train(long id, Boolean useGroundTruth) {
        Map<String, Object> body = useGroundTruth == null ? Map.of() : Map.of("use_ground_truth", useGroundTruth);
        return http.send(ApiRequest.post("/api/ml/" + id + "/train").body(RequestBody.json(body)).build())
                .thenApply(r -> null);
    }

    public CompletableFuture<InteractiveResult> interactive(long id, long task, Object context) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task", task);
        body.put("context", context);
        return http.send(ApiRequest.post("/api/ml/" + id + "/interactive-annotating").body(RequestBody.json(body))
                .responseTimeout(RETRIEVE_TIMEOUT).build(), InteractiveResult.class);
    }

    public CompletableFuture<ModelVersions> versions(long id) {
        return http.send(ApiRequest.get("/api/ml/" + id + "/versions").build(), ModelVersions.class);
    }

    /** Every project, page after page. */
    public CompletableFuture<List<Project>> listProjects() {
        return Pages.collect(http, "/api/projects/?page_size=100", ProjectPage.class, ProjectPage::results,
                ProjectPage::next, Pages.DEFAULT_MAX_PAGES);
    }

    public CompletableFuture<Project> getProject(long id) {
        return http.send(ApiRequest.get("/api/projects/" + id + "/").build(), Project.class);
    }

    public CompletableFuture<Project> createProject(ProjectRequest request) {
        return Refusals.explain(http.send(ApiRequest.post("/api/projects/").body(RequestBody.json(request)).build(),
                Project.class), Refusals.PROJECT);
    }

    /** Imports JSON tasks (a list, or one task). */
    public CompletableFuture<ImportResult> importTasks(long project, Object tasks) {
        return Refusals.explain(http.send(ApiRequest.post(importPath(project)).body(RequestBody.json(tasks)).build(),
                ImportResult.class), Refusals.IMPORT);
    }

    /** Imports a task file (JSON, CSV, TSV or TXT, by its name), streamed as {@code multipart/form-data}. */
    public CompletableFuture<ImportResult> importFile(long project, UploadSource file, ContentType type) {
        return Refusals.explain(http.send(ApiRequest.post(importPath(project)).body(MultipartFormBody.builder()
                .file("file", file, type).build()).build(), ImportResult.class), Refusals.IMPORT);
    }

    private static String importPath(long project) {
        return "/api/projects/" + project + "/import?commit_to_project=true&return_task_ids=true";
    }

    /** Every task of a project with its annotations and predictions, {@code pageSize} at a time. */
    public CompletableFuture<List<Task>> listTasks(long project, int pageSize) {
        AtomicInteger page = new AtomicInteger(1);
        return Pages.collect(http, tasksPage(project, 1, pageSize), TaskPage.class, TaskPage::tasks, p -> {
            int read = page.get();
            if (p.tasks() == null || p.tasks().isEmpty() || (long) read * pageSize >= p.total()) {
                return null;
            }
            return tasksPage(project, page.incrementAndGet(), pageSize);
        }, Pages.DEFAULT_MAX_PAGES);
    }

    private static String tasksPage(long project, int page, int size) {
        return "/api/tasks/?project=" + project + "&fields=all&page=" + page + "&page_size=" + size;
    }

    /** Streams the export to {@code target}. */
    public CompletableFuture<Path> export(long project, String exportType, boolean allTasks, Path target) {
        return http.send(ApiRequest.get("/api/projects/" + project + "/export?exportType="
                + URLEncoder.encode(exportType, StandardCharsets.UTF_8) + "&download_all_tasks=" + allTasks)
                .downloadTo(target).build()).thenApply(r -> r.file());
    }

    public CompletableFuture<Prediction> createPrediction(PredictionRequest request) {
        return Refusals.explain(http.send(ApiRequest.post("/api/predictions/").body(RequestBody.json(request)).build(),
                Prediction.class), Refusals.PREDICTION);
    }

    /** The predictions of a project, of one task, or both filters; all when both are null. */
    public CompletableFuture<List<Prediction>> listPredictions(Long project, Long task) {
        String query = (project == null ? "" : "project=" + project) + (project != null && task != null ? "&" : "")
                + (task == null ? "" : "task=" + task);
        return http.send(ApiRequest.get("/api/predictions/" + (query.isEmpty() ? "" : "?" + query)).build(),
                Prediction[].class).thenApply(Arrays::asList);
    }

    public CompletableFuture<Prediction> getPrediction(long id) {
        return http.send(ApiRequest.get("/api/predictions/" + id + "/").build(), Prediction.class);
    }

    public CompletableFuture<Prediction> updatePrediction(long id, Object fields) {
        return http.send(ApiRequest.patch("/api/predictions/" + id + "/").body(RequestBody.json(fields))
                .safety(RetrySafety.IDEMPOTENT).build(), Prediction.class);
    }

    public CompletableFuture<Void> deletePrediction(long id) {
        return http.send(ApiRequest.delete("/api/predictions/" + id + "/").build()).thenApply(r -> null);
    }

    /**
     * "Retrieve Predictions" for the given tasks (all of the project's when empty): Label Studio asks the project's ML
     * backend synchronously and stores what it answers.
     */
    public CompletableFuture<ActionResult> retrievePredictions(long project, List<Long> taskIds) {
        Map<String, Object> selected = taskIds.isEmpty() ? Map.of("all", true, "excluded", List.of())
                : Map.of("all", false, "included", taskIds);
        return http.send(ApiRequest.post("/api/dm/actions/?id=retrieve_tasks_predictions&project=" + project)
                .body(RequestBody.json(Map.of("selectedItems", selected))).responseTimeout(RETRIEVE_TIMEOUT).build(),
                ActionResult.class);
    }
}

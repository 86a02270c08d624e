package io.camelinference.deepomatic;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.camelinference.common.body.RequestBody;
import io.camelinference.common.http.ApiRequest;
import io.camelinference.common.http.InferenceHttpClient;
import io.camelinference.common.json.Json;
import io.camelinference.common.retry.RetrySafety;
import io.camelinference.deepomatic.model.DeepomaticPage;
import io.camelinference.deepomatic.model.DeepomaticSpec;
import io.camelinference.deepomatic.model.DeepomaticTask;
import io.camelinference.deepomatic.model.TaskCreated;

/**
 * Deepomatic's v0.7 REST API as typed, non-blocking calls. Paths carry the trailing slash the official client sends.
 * Lists follow {@code next} to the last page.
 */
public final class DeepomaticClient {

    /** Most task ids asked for in one list request (and its page size). */
    public static final int TASKS_PER_REQUEST = 100;

    private final InferenceHttpClient http;

    public DeepomaticClient(InferenceHttpClient http) {
        this.http = http;
    }

    static String specPath(String specId, boolean isPublic) {
        return "/recognition/" + (isPublic ? "public/" : "specs/") + seg(specId) + "/";
    }

    /** Starts an inference; billed and creates a task, so never re-sent once the service may have received it. */
    public CompletableFuture<TaskCreated> inference(String specId, boolean isPublic, RequestBody body) {
        return http.send(ApiRequest.post(specPath(specId, isPublic) + "inference/").body(body)
                .safety(RetrySafety.NOT_AFTER_RECEIVED).build(), TaskCreated.class);
    }

    public CompletableFuture<DeepomaticTask> task(String taskId) {
        return http.send(ApiRequest.get("/tasks/" + seg(taskId) + "/").build(), DeepomaticTask.class);
    }

    /** The tasks with these ids, in pages of {@value #TASKS_PER_REQUEST}; ids the service does not know are left out. */
    public CompletableFuture<List<DeepomaticTask>> tasks(List<String> taskIds) {
        List<CompletableFuture<List<DeepomaticTask>>> parts = new ArrayList<>();
        for (int from = 0; from < taskIds.size(); from += TASKS_PER_REQUEST) {
            List<String> chunk = taskIds.subList(from, Math.min(taskIds.size(), from + TASKS_PER_REQUEST));
            StringBuilder url = new StringBuilder("/tasks/?");
            for (String id : chunk) {
                url.append("task_ids=").append(seg(id)).append('&');
            }
            url.append("limit=").append(TASKS_PER_REQUEST);
            parts.add(list(url.toString(), DeepomaticTask.class, new ArrayList<>()));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<DeepomaticTask> all = new ArrayList<>();
            parts.forEach(p -> all.addAll(p.join()));
            return all;
        });
    }

    public CompletableFuture<List<DeepomaticSpec>> specs(boolean isPublic) {
        return list("/recognition/" + (isPublic ? "public/" : "specs/"), DeepomaticSpec.class, new ArrayList<>());
    }

    public CompletableFuture<DeepomaticSpec> spec(String specId, boolean isPublic) {
        return http.send(ApiRequest.get(specPath(specId, isPublic)).build(), DeepomaticSpec.class);
    }

    /** Creates a private specification; not re-sent once received (it would create a second one). */
    public CompletableFuture<DeepomaticSpec> createSpec(Object spec) {
        return http.send(ApiRequest.post("/recognition/specs/").body(RequestBody.json(spec))
                .safety(RetrySafety.NOT_AFTER_RECEIVED).build(), DeepomaticSpec.class);
    }

    /** Changes name, metadata or current_version_id; the same PATCH twice has the same effect, so it may be retried. */
    public CompletableFuture<DeepomaticSpec> updateSpec(String specId, Object changes) {
        return http.send(ApiRequest.patch(specPath(specId, false)).body(RequestBody.json(changes))
                .safety(RetrySafety.IDEMPOTENT).build(), DeepomaticSpec.class);
    }

    public CompletableFuture<Void> deleteSpec(String specId) {
        return http.send(ApiRequest.delete(specPath(specId, false)).build()).thenApply(r -> null);
    }

    private <T> CompletableFuture<List<T>> list(String url, Class<T> type, List<T> into) {
        return http.send(ApiRequest.get(url).build(), DeepomaticPage.class).thenCompose(page -> {
            if (page.results() != null) {
                page.results().forEach(n -> into.add(Json.convert(n, type)));
            }
            if (page.next() == null || page.next().isBlank()) {
                return CompletableFuture.completedFuture(into);
            }
            return list(page.next(), type, into);
        });
    }

    private static String seg(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package io.camelinference.deepomatic.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.common.body.RequestBody;
import io.camelinference.common.http.ApiRequest;
import io.camelinference.common.http.InferenceHttpClient;
import io.camelinference.common.http.Pages;
import io.camelinference.common.json.Json;
import io.camelinference.common.retry.RetrySafety;
import io.camelinference.deepomatic.model.DeepomaticNetwork;
import io.camelinference.deepomatic.model.DeepomaticPage;
import io.camelinference.deepomatic.model.DeepomaticSpec;
import io.camelinference.deepomatic.model.DeepomaticTask;
import io.camelinference.deepomatic.model.DeepomaticVersion;
import io.camelinference.deepomatic.model.TaskCreated;

import static io.camelinference.common.http.PathSegments.encode;

/**
 * Deepomatic's v0.7 REST API (specifications, versions, networks, account, inference, tasks) as typed, non-blocking
 * calls, each with its retry safety. Paths carry the trailing slash
 * the official client sends. Lists follow {@code next} through {@link Pages}: page count capped, loops refused, and a
 * {@code next} outside the configured base URL's origin refused before anything (or the key) is sent there.
 */
public final class DeepomaticClient {

    /** Most task ids asked for in one list request (and its page size). */
    public static final int TASKS_PER_REQUEST = 100;

    private final InferenceHttpClient http;

    public DeepomaticClient(InferenceHttpClient http) {
        this.http = http;
    }

    static String specPath(String specId, boolean isPublic) {
        return listPath(isPublic) + encode(specId) + "/";
    }

    private static String listPath(boolean isPublic) {
        return "/recognition/" + (isPublic ? "public/" : "specs/");
    }

    static String versionPath(String versionId) {
        return "/recognition/versions/" + encode(versionId) + "/";
    }

    static String networkPath(String networkId, boolean isPublic) {
        return networksPath(isPublic) + encode(networkId) + "/";
    }

    private static String networksPath(boolean isPublic) {
        return isPublic ? "/networks/public/" : "/networks/";
    }

    /** Starts an inference; billed and creates a task, so never re-sent once the service may have received it. */
    public CompletableFuture<TaskCreated> inference(String specId, boolean isPublic, RequestBody body) {
        return inference(specPath(specId, isPublic), body);
    }

    /** Starts an inference on a recognition version; billed, never re-sent once the service may have received it. */
    public CompletableFuture<TaskCreated> versionInference(String versionId, RequestBody body) {
        return inference(versionPath(versionId), body);
    }

    private CompletableFuture<TaskCreated> inference(String resourcePath, RequestBody body) {
        return http.send(ApiRequest.post(resourcePath + "inference/").body(body)
                .safety(RetrySafety.NOT_AFTER_RECEIVED).build(), TaskCreated.class);
    }

    public CompletableFuture<DeepomaticTask> task(String taskId) {
        return http.send(ApiRequest.get("/tasks/" + encode(taskId) + "/").statusCheck().build(), DeepomaticTask.class);
    }

    /**
     * The tasks with these ids, {@value #TASKS_PER_REQUEST} per request, in the order the service lists them; ids the
     * service does not know are left out.
     */
    public CompletableFuture<List<DeepomaticTask>> tasks(List<String> taskIds) {
        List<CompletableFuture<List<DeepomaticTask>>> parts = new ArrayList<>();
        for (int from = 0; from < taskIds.size(); from += TASKS_PER_REQUEST) {
            StringBuilder url = new StringBuilder("/tasks/?");
            for (String id : taskIds.subList(from, Math.min(taskIds.size(), from + TASKS_PER_REQUEST))) {
                url.append("task_ids=").append(encode(id)).append('&');
            }
            url.append("limit=").append(TASKS_PER_REQUEST);
            // paced as one status check per request (maxStatusChecksPerSecond)
            parts.add(Pages.collect(http, url.toString(), DeepomaticPage.class,
                    page -> convert(page.results(), DeepomaticTask.class), DeepomaticPage::next,
                    Pages.DEFAULT_MAX_PAGES, ApiRequest.Builder::statusCheck));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<DeepomaticTask> all = new ArrayList<>();
            parts.forEach(part -> all.addAll(part.join()));
            return all;
        });
    }

    /** Your own specifications, or the public ones; every page. */
    public CompletableFuture<List<DeepomaticSpec>> specs(boolean isPublic) {
        return list(listPath(isPublic), DeepomaticSpec.class);
    }

    public CompletableFuture<DeepomaticSpec> spec(String specId, boolean isPublic) {
        return http.send(ApiRequest.get(specPath(specId, isPublic)).build(), DeepomaticSpec.class);
    }

    /** Creates a private specification; not re-sent once received (it would create a second one). */
    public CompletableFuture<DeepomaticSpec> createSpec(Object spec) {
        return http.send(ApiRequest.post(listPath(false)).body(RequestBody.json(spec))
                .safety(RetrySafety.NOT_AFTER_RECEIVED).build(), DeepomaticSpec.class);
    }

    /** Changes name, metadata or current_version_id; the same PATCH twice has the same effect, so it may be retried. */
    public CompletableFuture<DeepomaticSpec> updateSpec(String specId, Object changes) {
        return http.send(ApiRequest.patch(specPath(specId, false)).body(RequestBody.json(changes))
                .safety(RetrySafety.IDEMPOTENT).build(), DeepomaticSpec.class);
    }

    public CompletableFuture<Void> deleteSpec(String specId) {
        return http.send(ApiRequest.delete(specPath(specId, false)).build()).thenApply(response -> null);
    }

    /** All your recognition versions; every page. */
    public CompletableFuture<List<DeepomaticVersion>> versions() {
        return list("/recognition/versions/", DeepomaticVersion.class);
    }

    /** The versions of one specification (the path the official client uses); every page. */
    public CompletableFuture<List<DeepomaticVersion>> specVersions(String specId, boolean isPublic) {
        return list(specPath(specId, isPublic) + "versions", DeepomaticVersion.class);
    }

    public CompletableFuture<DeepomaticVersion> version(String versionId) {
        return http.send(ApiRequest.get(versionPath(versionId)).build(), DeepomaticVersion.class);
    }

    /** Creates a version; not re-sent once received (it would create a second one). */
    public CompletableFuture<DeepomaticVersion> createVersion(Object version) {
        return http.send(ApiRequest.post("/recognition/versions/").body(RequestBody.json(version))
                .safety(RetrySafety.NOT_AFTER_RECEIVED).build(), DeepomaticVersion.class);
    }

    public CompletableFuture<Void> deleteVersion(String versionId) {
        return http.send(ApiRequest.delete(versionPath(versionId)).build()).thenApply(response -> null);
    }

    /** Your own networks, or the public ones; every page. */
    public CompletableFuture<List<DeepomaticNetwork>> networks(boolean isPublic) {
        return list(networksPath(isPublic), DeepomaticNetwork.class);
    }

    public CompletableFuture<DeepomaticNetwork> network(String networkId, boolean isPublic) {
        return http.send(ApiRequest.get(networkPath(networkId, isPublic)).build(), DeepomaticNetwork.class);
    }

    /**
     * Uploads a network (multipart: its fields and model files); creates it and its deployment task, so it is not
     * re-sent once received. Bounded by transferTimeout, as every streamed upload.
     */
    public CompletableFuture<DeepomaticNetwork> createNetwork(RequestBody upload) {
        return http.send(ApiRequest.post(networksPath(false)).body(upload).safety(RetrySafety.NOT_AFTER_RECEIVED)
                .build(), DeepomaticNetwork.class);
    }

    /** Changes name, description or metadata; the same PATCH twice has the same effect, so it may be retried. */
    public CompletableFuture<DeepomaticNetwork> updateNetwork(String networkId, Object changes) {
        return http.send(ApiRequest.patch(networkPath(networkId, false)).body(RequestBody.json(changes))
                .safety(RetrySafety.IDEMPOTENT).build(), DeepomaticNetwork.class);
    }

    public CompletableFuture<Void> deleteNetwork(String networkId) {
        return http.send(ApiRequest.delete(networkPath(networkId, false)).build()).thenApply(response -> null);
    }

    /** The account the API key belongs to ({@code /accounts/me/}); its fields are the service's. */
    @SuppressWarnings("unchecked")
    public CompletableFuture<Map<String, Object>> account() {
        return http.send(ApiRequest.get("/accounts/me/").build(), Map.class).thenApply(m -> (Map<String, Object>) m);
    }

    private <T> CompletableFuture<List<T>> list(String firstUrl, Class<T> type) {
        return Pages.collect(http, firstUrl, DeepomaticPage.class, page -> convert(page.results(), type),
                DeepomaticPage::next, Pages.DEFAULT_MAX_PAGES);
    }

    private static <T> List<T> convert(List<JsonNode> nodes, Class<T> type) {
        return nodes == null ? null : nodes.stream().map(node -> Json.convert(node, type)).toList();
    }
}

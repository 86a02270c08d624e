package io.camelinference.annolab.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.camelinference.annolab.model.AnnoLabDirectory;
import io.camelinference.annolab.model.AnnoLabProject;
import io.camelinference.annolab.model.ApiKeyInfo;
import io.camelinference.annolab.model.DirectoryRequest;
import io.camelinference.annolab.model.ProjectPage;
import io.camelinference.annolab.model.ProjectRequest;
import io.camelinference.common.body.RequestBody;
import io.camelinference.common.http.ApiRequest;
import io.camelinference.common.http.InferenceHttpClient;
import io.camelinference.common.http.Pages;
import io.camelinference.common.retry.RetrySafety;

import static io.camelinference.common.http.PathSegments.encode;

/**
 * AnnoLab's key, projects and directories as typed, non-blocking calls. Reads are retried; the creating calls
 * ({@code project/create}, {@code directory/create}) are never re-sent once the service may have received them: a
 * second one would answer 409 for what the first created, and the message would fail for a success.
 */
public final class ProjectClient {

    private final InferenceHttpClient http;

    public ProjectClient(InferenceHttpClient http) {
        this.http = http;
    }

    /** {@code GET /v1/api-key/info}: the key's groups (the SDK's api_key_info). */
    public CompletableFuture<ApiKeyInfo> apiKeyInfo() {
        return http.send(ApiRequest.get("/v1/api-key/info").build(), ApiKeyInfo.class);
    }

    public CompletableFuture<AnnoLabProject> createProject(ProjectRequest body) {
        return http.send(ApiRequest.post("/v1/project/create").body(RequestBody.json(body))
                .safety(RetrySafety.NOT_AFTER_RECEIVED).build(), AnnoLabProject.class);
    }

    /** A project by its id (digits) or by its name in the group. */
    public CompletableFuture<AnnoLabProject> project(String group, String identifier) {
        String path = identifier.matches("\\d{1,18}") ? "/v1/project/" + identifier
                : "/v1/project/" + encode(group) + "/" + encode(identifier);
        return http.send(ApiRequest.get(path).build(), AnnoLabProject.class);
    }

    /**
     * Every project of the group (of all the key's groups when null), page after page. {@code GET /v1/project/list}
     * is the emulator's: neither AnnoLab's docs nor its SDK name a call that lists projects.
     */
    public CompletableFuture<List<AnnoLabProject>> listProjects(String group) {
        String first = "/v1/project/list?pageSize=100" + (group == null ? "" : "&groupName=" + encode(group));
        return Pages.collect(http, first, ProjectPage.class, ProjectPage::projects, ProjectPage::next,
                Pages.DEFAULT_MAX_PAGES);
    }

    public CompletableFuture<AnnoLabDirectory> createDirectory(DirectoryRequest body) {
        return http.send(ApiRequest.post("/v1/directory/create").body(RequestBody.json(body))
                .safety(RetrySafety.NOT_AFTER_RECEIVED).build(), AnnoLabDirectory.class);
    }
}

package io.camelinference.emulator.labelstudio;

import java.net.URI;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * ML backends ({@code /api/ml}): adding one checks it (health, setup) and connects it; reading one or the list updates
 * their state by calling them; {@code train} sends the training webhook; {@code interactive-annotating} asks for one
 * task and returns the backend's first result (not stored, as in Label Studio, where it becomes a draft region in the
 * labeling screen); {@code versions} asks the backend for its model versions.
 */
final class MlRoutes {

    private final EmulatorContext ctx;
    private final LabelStudioStore store;
    private final Backends backends;

    MlRoutes(EmulatorContext ctx, LabelStudioStore store, Backends backends) {
        this.ctx = ctx;
        this.store = store;
        this.backends = backends;
    }

    void register() {
        ctx.route("GET", "/api/ml", LsErrors.wrap(this::list));
        ctx.route("POST", "/api/ml", LsErrors.wrap(this::create));
        ctx.route("GET", "/api/ml/{id}", LsErrors.wrap(this::get));
        ctx.route("PATCH", "/api/ml/{id}", LsErrors.wrap(this::update));
        ctx.route("DELETE", "/api/ml/{id}", LsErrors.wrap(r -> {
            store.removeBackend(store.backend(r.var("id")));
            return Reply.empty(204);
        }));
        ctx.route("POST", "/api/ml/{id}/train", LsErrors.wrap(this::train));
        ctx.route("POST", "/api/ml/{id}/interactive-annotating", LsErrors.wrap(this::interactive));
        ctx.route("GET", "/api/ml/{id}/versions", LsErrors.wrap(this::versions));
    }

    private Reply list(Request r) {
        if (r.query("project") == null) {
            throw new io.camelinference.emulator.spi.ApiError(404, "No Project matches the given query.");
        }
        Project project = store.project(r.query("project"));
        ArrayNode out = Json.array();
        for (MlBackendRecord b : store.backends(project.id)) {
            backends.updateState(b, project);
            if (r.query("is_interactive") == null || Boolean.parseBoolean(r.query("is_interactive")) == b.interactive) {
                out.add(b.toJson());
            }
        }
        return Reply.json(out);
    }

    private Reply create(Request r) throws Exception {
        JsonNode body = r.jsonObject("Expected a JSON object with url and project.");
        String url = Json.text(body, "url");
        if (url == null || url.isBlank()) {
            throw LsErrors.ValidationFailure.field("url", "This field is required.");
        }
        if (!body.hasNonNull("project")) {
            throw LsErrors.ValidationFailure.field("project", "This field is required.");
        }
        Project project = projectOf(body.get("project"));
        MlBackendRecord candidate = new MlBackendRecord(0, project.id, checkedUrl(url));
        apply(candidate, body);
        backends.validate(BackendCalls.Target.of(candidate), project, candidate.extraParams);
        MlBackendRecord b = store.addBackend(project.id, candidate.url);
        apply(b, body);
        backends.updateState(b, project);
        if (project.modelVersion.isEmpty()) {
            project.modelVersion = b.title;
        }
        return Reply.json(201, b.toJson());
    }

    private Reply get(Request r) {
        MlBackendRecord b = store.backend(r.var("id"));
        backends.updateState(b, store.project(String.valueOf(b.projectId)));
        return Reply.json(b.toJson());
    }

    private Reply update(Request r) throws Exception {
        MlBackendRecord b = store.backend(r.var("id"));
        JsonNode body = r.jsonObject("Expected a JSON object.");
        Project project = store.project(String.valueOf(b.projectId));
        MlBackendRecord candidate = new MlBackendRecord(b.id, b.projectId, body.hasNonNull("url")
                ? checkedUrl(body.get("url").asText()) : b.url);
        candidate.basicAuthUser = b.basicAuthUser;
        candidate.basicAuthPass = b.basicAuthPass;
        candidate.authMethod = b.authMethod;
        candidate.extraParams = b.extraParams;
        apply(candidate, body);
        backends.validate(BackendCalls.Target.of(candidate), project, candidate.extraParams);
        b.url = candidate.url;
        apply(b, body);
        b.updatedAt = Instant.now();
        backends.updateState(b, project);
        return Reply.json(b.toJson());
    }

    private Reply train(Request r) {
        MlBackendRecord b = store.backend(r.var("id"));
        backends.train(b, store.project(String.valueOf(b.projectId)));
        return Reply.empty(200);
    }

    private Reply interactive(Request r) throws Exception {
        MlBackendRecord b = store.backend(r.var("id"));
        JsonNode body = r.jsonObject("Expected a JSON object with task.");
        if (!body.path("task").canConvertToLong()) {
            throw LsErrors.ValidationFailure.field("task", "A valid integer is required.");
        }
        TaskRecord task = store.task(body.get("task").asText());
        if (task.projectId != b.projectId) {
            throw new io.camelinference.emulator.spi.ApiError(404, "No Task matches the given query.");
        }
        return Reply.json(backends.interactive(b, store.project(String.valueOf(b.projectId)), task,
                body.get("context")));
    }

    private Reply versions(Request r) {
        MlBackendRecord b = store.backend(r.var("id"));
        ObjectNode out = backends.versions(b, store.project(String.valueOf(b.projectId)));
        int status = out.has("status_code") ? out.remove("status_code").asInt() : 200;
        return Reply.json(status, out);
    }

    private Project projectOf(JsonNode project) {
        if (!project.canConvertToLong() || store.projects().stream().noneMatch(p -> p.id == project.asLong())) {
            throw LsErrors.ValidationFailure.field("project", "Invalid pk \"" + project.asText() + "\" - object does"
                    + " not exist.");
        }
        return store.project(project.asText());
    }

    private static String checkedUrl(String url) {
        try {
            URI u = URI.create(url.strip());
            if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return url.strip();
        } catch (IllegalArgumentException e) {
            throw LsErrors.ValidationFailure.field("url", "Enter a valid URL.");
        }
    }

    /** The writable fields of the body; Basic auth needs both user and password. */
    private static void apply(MlBackendRecord b, JsonNode body) {
        if (body.has("title")) {
            b.title = body.get("title").asText("default");
        }
        if (body.has("description")) {
            b.description = body.get("description").asText("");
        }
        if (body.has("is_interactive")) {
            b.interactive = body.get("is_interactive").asBoolean();
        }
        if (body.has("extra_params")) {
            b.extraParams = body.get("extra_params").isNull() ? null : body.get("extra_params");
        }
        if (body.has("timeout") && body.get("timeout").isNumber()) {
            b.timeout = body.get("timeout").asDouble();
        }
        if (body.has("auto_update")) {
            b.autoUpdate = body.get("auto_update").asBoolean();
        }
        if (body.has("model_version")) {
            b.modelVersion = body.get("model_version").asText("");
        }
        if (body.has("auth_method")) {
            b.authMethod = body.get("auth_method").asText("NONE");
        }
        if (body.has("basic_auth_user")) {
            b.basicAuthUser = body.get("basic_auth_user").asText("");
        }
        if (body.hasNonNull("basic_auth_pass") && !body.get("basic_auth_pass").asText().isEmpty()) {
            b.basicAuthPass = body.get("basic_auth_pass").asText();
        }
        if ("BASIC_AUTH".equals(b.authMethod) && (b.basicAuthUser.isEmpty() || b.basicAuthPass.isEmpty())) {
            throw LsErrors.ValidationFailure.field("non_field_errors", "Authentication username and password is"
                    + " required for Basic Authentication.");
        }
        if ("NONE".equals(b.authMethod)) {
            b.basicAuthUser = "";
            b.basicAuthPass = "";
        }
    }
}

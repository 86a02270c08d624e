package io.camelinference.emulator.annolab;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * The key's groups ({@code /v1/api-key/info}: the shared groups and the key owner's own single-user group, which the
 * SDK's {@code default_owner} picks) and projects: create, find by group and name or by id, and list.
 * <p>
 * The list ({@code GET /v1/project/list?groupName=&page=&pageSize=}) is the emulator's: neither AnnoLab's docs nor
 * its SDK name a call that lists projects. It answers pages of {@code {projects, page, pageSize, total, next}}.
 */
final class ProjectRoutes {

    static final int MAX_PAGE_SIZE = 100;

    private final EmulatorContext ctx;
    private final AnnoLabStore store;

    ProjectRoutes(EmulatorContext ctx, AnnoLabStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void register() {
        ctx.route("GET", "/v1/api-key/info", r -> apiKeyInfo());
        ctx.route("POST", "/v1/project/create", this::create);
        ctx.route("GET", "/v1/project/list", this::list);
        ctx.route("GET", "/v1/project/{group}/{name}",
                r -> Reply.json(store.project(r.var("name"), r.var("group")).toJson()));
        ctx.route("GET", "/v1/project/{id}", r -> Reply.json(store.projectById(r.var("id")).toJson()));
    }

    private Reply apiKeyInfo() {
        ObjectNode n = Json.object();
        ArrayNode gs = n.putArray("groups");
        for (Group g : store.groups()) {
            ObjectNode group = gs.addObject();
            group.put("groupName", g.name());
            group.put("groupId", g.id());
            group.put("isSingleUser", g.singleUser());
            ArrayNode permissions = group.putArray("permissions");
            permissions.add("Read").add("Write").add("Model Run");
        }
        return Reply.json(n);
    }

    private Reply create(Request r) throws IOException {
        JsonNode body = RequestFields.body(r);
        String name = RequestFields.required(body, "name");
        String group = RequestFields.required(body, "groupName");
        return Reply.json(store.createProject(name, group, body.path("isPublic").asBoolean(false)).toJson());
    }

    private Reply list(Request r) {
        String group = r.query("groupName");
        group = group == null || group.isBlank() ? null : group;
        int page = positive(r.query("page"), 1, "page", Integer.MAX_VALUE);
        int size = positive(r.query("pageSize"), 50, "pageSize", MAX_PAGE_SIZE);
        List<Project> all = store.projects(group);
        int from = (int) Math.min((long) (page - 1) * size, all.size());
        int to = Math.min(from + size, all.size());
        ObjectNode n = Json.object();
        ArrayNode projects = n.putArray("projects");
        all.subList(from, to).forEach(p -> projects.add(p.toJson()));
        n.put("page", page);
        n.put("pageSize", size);
        n.put("total", all.size());
        if (to < all.size()) {
            n.put("next", ctx.baseUrl() + "/v1/project/list?page=" + (page + 1) + "&pageSize=" + size
                    + (group == null ? "" : "&groupName=" + URLEncoder.encode(group, StandardCharsets.UTF_8)));
        } else {
            n.putNull("next");
        }
        return Reply.json(n);
    }

    private static int positive(String value, int fallback, String name, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!RequestFields.isNumber(value.strip()) || Long.parseLong(value.strip()) < 1
                || Long.parseLong(value.strip()) > max) {
            throw new ApiError(400, "'" + name + "' must be an integer from 1 to " + max + ", got '" + value + "'");
        }
        return Integer.parseInt(value.strip());
    }
}

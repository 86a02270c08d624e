package io.camelinference.emulator.annolab;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/** The key's groups ({@code /v1/api-key/info}) and projects: create, and find by group and name or by id. */
final class ProjectRoutes {

    private final EmulatorContext ctx;
    private final AnnoLabStore store;

    ProjectRoutes(EmulatorContext ctx, AnnoLabStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void register() {
        ctx.route("GET", "/v1/api-key/info", r -> apiKeyInfo());
        ctx.route("POST", "/v1/project/create", this::create);
        ctx.route("GET", "/v1/project/{group}/{name}",
                r -> Reply.json(store.project(r.var("name"), r.var("group")).toJson()));
        ctx.route("GET", "/v1/project/{id}", r -> Reply.json(store.projectById(r.var("id")).toJson()));
    }

    private Reply apiKeyInfo() {
        ObjectNode n = Json.object();
        ArrayNode gs = n.putArray("groups");
        store.groups().forEach((name, id) -> {
            ObjectNode group = gs.addObject();
            group.put("groupName", name);
            group.put("groupId", id);
            group.put("isSingleUser", false);
            ArrayNode permissions = group.putArray("permissions");
            permissions.add("Read").add("Write").add("Model Run");
        });
        return Reply.json(n);
    }

    private Reply create(Request r) throws IOException {
        JsonNode body = RequestFields.body(r);
        String name = RequestFields.required(body, "name");
        String group = RequestFields.required(body, "groupName");
        return Reply.json(store.createProject(name, group, body.path("isPublic").asBoolean(false)).toJson());
    }
}

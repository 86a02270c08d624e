package io.camelinference.emulator.annolab;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * A project's schema: directories ({@code POST /v1/directory/create}), annotation layers ({@code POST /v1/layer/create},
 * as AnnoLab documents it and the SDK's {@code create_annotation_layer} sends it) and annotation types
 * ({@code POST /v1/annotation-type/create}, as the SDK's {@code create_annotation_type} sends it). A name that exists
 * answers 409, which the SDK's importer skips.
 * <p>
 * The directory call's body is the emulator's choice ({@code projectIdentifier, groupName, directoryName}): the SDK
 * names the endpoint but has no function for it, and AnnoLab's docs do not describe it.
 */
final class SchemaRoutes {

    private final EmulatorContext ctx;
    private final AnnoLabStore store;

    SchemaRoutes(EmulatorContext ctx, AnnoLabStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void register() {
        ctx.route("POST", "/v1/directory/create", this::directory);
        ctx.route("POST", "/v1/layer/create", this::layer);
        ctx.route("POST", "/v1/annotation-type/create", this::type);
    }

    private Reply directory(Request r) throws IOException {
        JsonNode body = RequestFields.body(r);
        Project p = RequestFields.projectAnywhere(store, body, "projectIdentifier");
        String name = body.has("directoryName") ? RequestFields.required(body, "directoryName")
                : RequestFields.required(body, "name");
        if (RequestFields.isNumber(name.strip()) || name.contains("/")) {
            throw new ApiError(400, "'directoryName' must be a name (not only digits, no '/'), got '" + name + "'");
        }
        Directory d = store.schemas.createDirectory(p, name.strip());
        ObjectNode n = Json.object();
        n.put("id", d.id());
        n.put("name", d.name());
        n.put("directoryName", d.name());
        n.put("projectId", p.id);
        n.put("projectName", p.name);
        return Reply.json(n);
    }

    private Reply layer(Request r) throws IOException {
        JsonNode body = RequestFields.body(r);
        Project p = RequestFields.projectAnywhere(store, body, "projectIdentifier");
        String name = RequestFields.required(body, "layerName").strip();
        if (RequestFields.isNumber(name)) {
            throw new ApiError(400, "'layerName' must be a name, not only digits (layers are named by id or name)");
        }
        Layer l = store.schemas.createLayer(p, name, RequestFields.flag(body, "isGold", false),
                RequestFields.optionalText(body, "description"));
        return Reply.json(l.toJson(p));
    }

    private Reply type(Request r) throws IOException {
        JsonNode body = RequestFields.body(r);
        Project p = RequestFields.projectAnywhere(store, body, "projectIdentifier");
        String name = RequestFields.required(body, "typeName").strip();
        if (RequestFields.isNumber(name)) {
            throw new ApiError(400, "'typeName' must be a name, not only digits (types are named by id or name)");
        }
        boolean relation = RequestFields.flag(body, "isRelation", false);
        boolean classification = RequestFields.flag(body, "isDocumentClassification", false);
        if (relation && classification) {
            throw new ApiError(400, "A type is either a relation type or a document classification type, not both");
        }
        AnnotationType t = store.schemas.createType(p, name, RequestFields.optionalText(body, "color"),
                RequestFields.optionalText(body, "category"), relation, classification);
        return Reply.json(t.toJson(p));
    }
}

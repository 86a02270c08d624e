package io.camelinference.emulator.annolab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Job;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * Project exports: start one (optionally filtered by sources and layers; with or without sources, text bounds and
 * annotation types), poll it {@code initialized}, {@code started}, {@code finished} (or {@code errored}), then download
 * its zip from a signed URL. The zip's layout is {@link ExportArchive}'s: the one the SDK's importer reads back.
 */
final class ExportRoutes {

    private final EmulatorContext ctx;
    private final AnnoLabStore store;

    ExportRoutes(EmulatorContext ctx, AnnoLabStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void register() {
        ctx.route("POST", "/v1/export/project", this::export);
        ctx.route("GET", "/v1/export/status/{exportId}", this::status);
        ctx.publicRoute("GET", SignedUrls.DOWNLOAD_PATH + "{token}", this::download);
    }

    private Reply export(Request r) throws IOException {
        JsonNode body = RequestFields.body(r);
        Project p = RequestFields.project(store, body);
        Set<Long> sourceIds = null;
        JsonNode ids = body.get("sourceIds");
        if (ids != null && !ids.isNull()) {
            if (!ids.isArray()) {
                throw new ApiError(400, "'sourceIds' must be an array of source ids");
            }
            sourceIds = new LinkedHashSet<>();
            for (JsonNode id : ids) {
                if (!id.isIntegralNumber() && !(id.isTextual() && RequestFields.isNumber(id.asText()))) {
                    throw new ApiError(400, "'sourceIds' must hold integer source ids, got " + id);
                }
                sourceIds.add(id.asLong());
            }
        }
        Set<String> layerNames = null;
        JsonNode layers = body.get("annotationLayerNames");
        if (layers != null && !layers.isNull()) {
            if (!layers.isArray()) {
                throw new ApiError(400, "'annotationLayerNames' must be an array of layer names");
            }
            layerNames = new LinkedHashSet<>();
            for (JsonNode l : layers) {
                if (!l.isTextual()) {
                    throw new ApiError(400, "'annotationLayerNames' must hold layer names (strings), got " + l);
                }
                layerNames.add(l.asText());
            }
        }
        long exportId = store.nextId();
        ExportRun run = new ExportRun(exportId, p, sourceIds, layerNames, RequestFields.flag(body, "includeSources", true),
                RequestFields.flag(body, "includeAnnotationTypes", true),
                RequestFields.flag(body, "includeTextBounds", false));
        ctx.jobs().create(AnnoLabProvider.NAME, "export-" + exportId, Math.max(1, ctx.slowModelMillis() / 2),
                AnnoLabProvider.EXPORT_STATES, r.jobFault(), null, run);

        ObjectNode n = Json.object();
        n.put("message", "Export started");
        n.put("exportStatusUrl", ctx.baseUrl() + "/v1/export/status/" + exportId);
        ObjectNode job = n.putObject("exportJob");
        job.put("id", exportId);
        job.put("status", AnnoLabProvider.INITIALIZED);
        job.put("projectId", p.id);
        return Reply.json(201, n);
    }

    private Reply status(Request r) throws IOException {
        String id = r.var("exportId");
        Job job = RequestFields.isNumber(id) ? ctx.jobs().get(AnnoLabProvider.NAME, "export-" + id) : null;
        if (job == null) {
            throw new ApiError(404, "Export " + id + " not found");
        }
        ExportRun run = job.payload();
        String state = job.state();
        ObjectNode n = Json.object();
        n.put("id", run.id);
        if (AnnoLabProvider.EXPORT_STATES.processing().equals(state) && JobPhases.inFirstThird(job)) {
            state = AnnoLabProvider.INITIALIZED;
        }
        n.put("status", state);
        if (AnnoLabProvider.EXPORT_STATES.completed().equals(state)) {
            n.put("downloadUrl", ctx.baseUrl() + SignedUrls.DOWNLOAD_PATH + store.archive(run));
        } else {
            n.putNull("downloadUrl");
        }
        if (job.isFailed()) {
            n.put("error", job.failure());
        }
        return Reply.json(n);
    }

    /** The signed download URL of a finished export's zip, streamed from disk. */
    private Reply download(Request r) {
        SignedUrls.refuseSecondAuthorization(r);
        Path zip = store.download(r.var("token"));
        if (zip == null || !Files.exists(zip)) {
            throw new ApiError(404, "The download URL is unknown or expired");
        }
        return Reply.file("application/zip", zip);
    }
}

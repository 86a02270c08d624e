package io.camelinference.emulator.annolab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.internal.Tokens;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * Sources: text sources in one call; PDF sources in three (init-pdf answers a signed upload URL, the client PUTs the
 * file there, create-pdf extracts its text with PDFBox); read by id or by name (the SDK's find_source), and delete.
 */
final class SourceRoutes {

    private final EmulatorContext ctx;
    private final AnnoLabStore store;

    SourceRoutes(EmulatorContext ctx, AnnoLabStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void register() {
        ctx.route("POST", "/v1/source/create-text", this::createText);
        ctx.route("POST", "/v1/source/init-pdf", this::initPdf);
        ctx.publicRoute("PUT", SignedUrls.UPLOAD_PATH + "{token}", this::upload);
        ctx.route("POST", "/v1/source/create-pdf", this::createPdf);
        ctx.route("GET", "/v1/source/{id}", r -> Reply.json(store.source(r.var("id")).toJson(true)));
        ctx.route("GET", "/v1/source/{group}/{project}/{directory}/{name}", r -> Reply.json(store.sourceByName(
                r.var("group"), r.var("project"), r.var("directory"), r.var("name")).toJson(true)));
        ctx.route("DELETE", "/v1/source/{id}", this::delete);
    }

    private Reply createText(Request r) throws IOException {
        JsonNode body = RequestFields.body(r);
        Project p = RequestFields.project(store, body);
        String name = RequestFields.required(body, "sourceName");
        JsonNode text = body.get("text");
        if (text == null || !text.isTextual() || text.asText().isEmpty()) {
            throw new ApiError(400, "'text' is required and must not be empty");
        }
        Directory d = RequestFields.directory(store, p, body);
        return Reply.json(store.addSource(p, d, name, "text", text.asText()).toJson(false));
    }

    private Reply initPdf(Request r) throws IOException {
        JsonNode body = RequestFields.body(r);
        Project p = RequestFields.project(store, body);
        Directory d = RequestFields.directory(store, p, body);
        String name = RequestFields.required(body, "sourceName");
        String token = Tokens.newToken();
        String signature = Tokens.newToken();
        store.addPdfSlot(new PdfSlot(token, signature, p, d, name, store.dir().resolve("uploads").resolve(token),
                new AtomicBoolean()));
        ObjectNode n = Json.object();
        n.put("uploadUrl", ctx.baseUrl() + SignedUrls.UPLOAD_PATH + token + "?X-Amz-Expires=3600&X-Amz-Signature="
                + signature);
        return Reply.json(n);
    }

    /** The signed upload URL: the body is streamed to disk, never held in memory. */
    private Reply upload(Request r) throws IOException {
        SignedUrls.refuseSecondAuthorization(r);
        PdfSlot slot = store.pdfSlot(r.var("token"));
        if (slot == null || !slot.signature().equals(r.query("X-Amz-Signature"))) {
            throw new ApiError(403, "The upload URL is unknown, expired or its signature does not match");
        }
        Files.createDirectories(slot.file().getParent());
        try (InputStream in = r.body()) {
            Files.copy(in, slot.file(), StandardCopyOption.REPLACE_EXISTING);
        }
        slot.uploaded().set(true);
        return Reply.empty(200);
    }

    private Reply createPdf(Request r) throws IOException {
        JsonNode body = RequestFields.body(r);
        Project p = RequestFields.project(store, body);
        Directory d = RequestFields.directory(store, p, body);
        String name = RequestFields.identifier(body, "sourceIdentifier", true);
        PdfSlot slot = store.uploadedPdf(p, d, name);
        if (slot == null) {
            throw new ApiError(404, "No uploaded PDF named '" + name + "' in directory '" + d.name() + "': call"
                    + " /v1/source/init-pdf and PUT the file to its uploadUrl first");
        }
        String text;
        try {
            text = PdfText.extract(slot.file());
        } catch (IOException e) {
            throw new ApiError(400, "The uploaded file '" + name + "' is not a readable PDF: " + e.getMessage());
        }
        Source s = store.addSource(p, d, name, "pdf", text);
        store.removePdfSlot(slot);
        Files.deleteIfExists(slot.file());
        return Reply.json(s.toJson(false));
    }

    private Reply delete(Request r) {
        Source s = store.source(r.var("id"));
        store.removeSource(s);
        return Reply.json(Json.object().put("message", "Source " + s.id() + " deleted"));
    }
}

package io.camelinference.emulator.annolab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.internal.Tokens;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * Sources: text sources in one call; PDF sources in three (init-pdf answers a signed upload URL, the client PUTs the
 * file there, create-pdf extracts its text with PDFBox, or takes the {@code sourceText} and {@code textBounds} the SDK's
 * importer sends); read by id or by path (the SDK's find_source), a PDF's read carrying a signed download {@code url}
 * of its file; deleted by id or by path, with its annotations and their relations.
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
        ctx.route("GET", "/v1/source/{id}", r -> read(store.source(r.var("id"))));
        ctx.route("GET", "/v1/source/{group}/{project}/{directory}/{name}", r -> read(byPath(r)));
        ctx.route("DELETE", "/v1/source/{id}", r -> delete(store.source(r.var("id"))));
        ctx.route("DELETE", "/v1/source/{group}/{project}/{directory}/{name}", r -> delete(byPath(r)));
        ctx.publicRoute("GET", SignedUrls.FILE_PATH + "{token}", this::file);
    }

    private Source byPath(Request r) {
        return store.sourceByName(r.var("group"), r.var("project"), r.var("directory"), r.var("name"));
    }

    private Reply read(Source s) {
        return Reply.json(s.toJson(true, store.fileUrl(s)));
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
        return Reply.json(store.addSource(p, d, name, Source.TEXT, text.asText(), null, null).toJson(false, null));
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
        JsonNode given = body.get("sourceText");
        if (given != null && !given.isNull()) {
            if (!given.isTextual()) {
                throw new ApiError(400, "'sourceText' must be a string: the text of the PDF, as an export holds it");
            }
            text = given.asText();
        }
        JsonNode bounds = body.get("textBounds");
        if (bounds == null || bounds.isNull()) {
            bounds = pageBounds(text);
        } else if (!bounds.isArray() && !bounds.isObject()) {
            throw new ApiError(400, "'textBounds' must be an array or an object, as an export's text bounds are");
        }
        Source s = store.addSource(p, d, name, Source.PDF, text, slot.file(), bounds);
        store.removePdfSlot(slot);
        return Reply.json(s.toJson(false, store.fileUrl(s)));
    }

    /** The text bounds of a PDF the client sent none for: each page with the offsets of its text. */
    private static ArrayNode pageBounds(String text) {
        ArrayNode pages = Json.array();
        for (Pages.Page page : Pages.split(text)) {
            ObjectNode n = pages.addObject();
            n.put("pageNumber", page.number());
            n.putArray("offsets").add(page.start()).add(page.end());
        }
        return pages;
    }

    private Reply delete(Source s) throws IOException {
        store.removeSource(s);
        return Reply.json(Json.object().put("message", "Source " + s.id() + " deleted"));
    }

    /** A PDF source's file at its signed URL, streamed from disk. */
    private Reply file(Request r) {
        SignedUrls.refuseSecondAuthorization(r);
        SignedFile f = store.signedFile(r.var("token"));
        if (f == null || !f.signature().equals(r.query("X-Amz-Signature")) || !Files.exists(f.source().file())) {
            throw new ApiError(403, "The download URL is unknown, expired or its signature does not match");
        }
        return Reply.file("application/pdf", f.source().file());
    }
}

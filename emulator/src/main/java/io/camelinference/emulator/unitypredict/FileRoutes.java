package io.camelinference.emulator.unitypredict;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.internal.Tokens;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Job;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * File inputs and outputs: initialize a request, get a signed upload link per file, PUT the file to it (public: the
 * link is the authorisation), and download output files of a completed prediction.
 */
final class FileRoutes {

    private final EmulatorContext ctx;
    private final UnityPredictStore store;

    FileRoutes(EmulatorContext ctx, UnityPredictStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void register() {
        ctx.route("POST", "/api/predict/initialize/{modelId}", this::initialize);
        ctx.route("GET", "/api/predict/upload/{requestId}/{fileName}", this::uploadLink);
        ctx.publicRoute("PUT", UnityPredictProvider.UPLOAD_PATH + "{token}", this::upload);
        ctx.route("GET", "/api/predict/download/{requestId}/{fileName}", this::download);
    }

    private Reply initialize(Request r) throws IOException {
        UnityPredictModel model = store.model(r.var("modelId"));
        String contextId = null;
        try {
            contextId = Json.text(r.json(), "ContextId");
        } catch (IllegalArgumentException ignoredBody) {
            // initialize takes no body; ignore anything unparsable
        }
        FileRequest fr = new FileRequest(UUID.randomUUID().toString(), model.id(),
                contextId == null || contextId.isBlank() ? UUID.randomUUID().toString() : contextId,
                new ConcurrentHashMap<>());
        store.addRequest(fr);
        return Reply.json(PredictResponses.initialized(fr));
    }

    private Reply uploadLink(Request r) {
        FileRequest fr = store.request(r.var("requestId"));
        if (fr == null) {
            throw new ApiError(404, "Request '" + r.var("requestId")
                    + "' not found: call POST /api/predict/initialize/{modelId} first.");
        }
        String token = Tokens.newToken();
        String generated = "unitypredict_" + token.substring(0, 12) + "_" + sanitize(r.var("fileName"));
        store.addUpload(token, new UploadSlot(fr.requestId(), generated, store.dir().resolve("uploads").resolve(token)));
        ObjectNode n = Json.object();
        n.put("uploadLink", ctx.baseUrl() + UnityPredictProvider.UPLOAD_PATH + token);
        n.put("fileName", generated);
        return Reply.json(n);
    }

    /** The signed upload link: the body is streamed to a file, never held in memory. */
    private Reply upload(Request r) throws IOException {
        UploadSlot slot = store.upload(r.var("token"));
        FileRequest fr = slot == null ? null : store.request(slot.requestId());
        if (fr == null) {
            throw new ApiError(404, "Unknown or expired upload link.");
        }
        Files.createDirectories(slot.target().getParent());
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new java.security.DigestInputStream(r.body(), sha)) {
            Files.copy(in, slot.target(), StandardCopyOption.REPLACE_EXISTING);
        }
        fr.files().put(slot.generatedName(), slot.target());
        fr.digests().put(slot.generatedName(), java.util.HexFormat.of().formatHex(sha.digest(), 0, 12));
        return Reply.empty(200);
    }

    private Reply download(Request r) {
        String id = r.var("requestId");
        Job job = ctx.jobs().get(UnityPredictProvider.NAME, id);
        Path p = store.output(id, r.var("fileName"));
        if (job == null || p == null || !UnityPredictProvider.STATES.completed().equals(job.state())) {
            throw new ApiError(404, "File '" + r.var("fileName") + "' not found for request '" + id + "'.");
        }
        return Reply.file("application/octet-stream", p);
    }

    /** A generated file name keeps the client's name readable but safe in a path. */
    static String sanitize(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        return s.length() > 80 ? s.substring(s.length() - 80) : s;
    }
}

package io.camelinference.emulator.unitypredict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.camelinference.emulator.internal.FileTrees;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;

/**
 * The emulated UnityPredict's state: the models, the requests made by initialize, the upload slots behind signed links
 * and the output files of finished predictions (on disk, under the emulator's scratch directory). Predictions
 * themselves are jobs in the emulator's job registry.
 */
final class UnityPredictStore {

    private final EmulatorContext ctx;
    private final Map<String, UnityPredictModel> models;
    private final Map<String, FileRequest> requests = new ConcurrentHashMap<>();
    private final Map<String, UploadSlot> uploads = new ConcurrentHashMap<>();
    /** Output files by request id, then by output name. */
    private final Map<String, Map<String, Path>> outputs = new ConcurrentHashMap<>();

    UnityPredictStore(EmulatorContext ctx, Map<String, UnityPredictModel> models) {
        this.ctx = ctx;
        this.models = models;
    }

    /** The model, or a 404 that lists the known ones. */
    UnityPredictModel model(String id) {
        UnityPredictModel model = models.get(id);
        if (model == null) {
            throw new ApiError(404, "Model '" + id + "' not found. Known models: " + models.keySet() + ".");
        }
        return model;
    }

    void addRequest(FileRequest request) {
        requests.put(request.requestId(), request);
    }

    /** A request made by initialize, or null. */
    FileRequest request(String requestId) {
        return requests.get(requestId);
    }

    void addUpload(String token, UploadSlot slot) {
        uploads.put(token, slot);
    }

    UploadSlot upload(String token) {
        return uploads.get(token);
    }

    /** Stores output files under generated names: an output name is only a key (it may be "../../x"). */
    void addOutputs(String requestId, Map<String, byte[]> files) throws IOException {
        Map<String, Path> out = outputs.computeIfAbsent(requestId, k -> new ConcurrentHashMap<>());
        Files.createDirectories(dir().resolve("outputs"));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = dir().resolve("outputs").resolve(UUID.randomUUID().toString());
            Files.write(p, f.getValue());
            out.put(f.getKey(), p);
        }
    }

    /** An output file of a request by output name, or null. */
    Path output(String requestId, String name) {
        Map<String, Path> files = outputs.get(requestId);
        return files == null ? null : files.get(name);
    }

    /** Where this provider's files live. */
    Path dir() {
        return ctx.tempDir().resolve(UnityPredictProvider.NAME);
    }

    void reset() {
        requests.clear();
        uploads.clear();
        outputs.clear();
        FileTrees.deleteTree(dir());
    }
}

package io.camelinference.emulator.unitypredict;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.EmulatorProvider;
import io.camelinference.emulator.spi.JobStates;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * The UnityPredict API under its real paths (clients use {@code <emulator>/api} as the base URL). Models:
 * {@code heart-risk}, {@code sentiment-slow}, {@code text-summary}. Calls are authenticated with
 * {@code Authorization: Bearer APIKEY@<key>}; the signed upload link is public.
 */
public final class UnityPredictProvider implements EmulatorProvider {

    public static final String NAME = "unitypredict";
    /**
     * Named count (see {@code EmulatorStats#count}): status calls about a request that was initialized but never
     * predicted, which a client asks when it cannot tell whether its billed predict arrived.
     */
    public static final String STATUS_OF_UNPREDICTED = "status calls about requests never predicted";
    public static final JobStates STATES = new JobStates("Processing", "Completed", "Error");
    static final String AUTH_FAILED = "Authentication of the API key failed.";
    /** Where the signed upload links point (the real service hands out storage URLs). */
    static final String UPLOAD_PATH = "/_emulator/unitypredict/upload/";
    private static final byte[] MALFORMED_BODY =
            "{\"status\":\"Completed\",\"outcomes\":{\"Label\":[{\"dataType\":\"Boo".getBytes(StandardCharsets.UTF_8);

    private final Map<String, UnityPredictModel> models = new LinkedHashMap<>();
    private EmulatorContext ctx;
    private UnityPredictStore store;

    public UnityPredictProvider() {
        for (UnityPredictModel m : new UnityPredictModel[] {new HeartRiskModel(), new SentimentSlowModel(),
                new TextSummaryModel()}) {
            models.put(m.id(), m);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The model ids served. */
    public Set<String> modelIds() {
        return models.keySet();
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/api/predict", "/_emulator/unitypredict");
    }

    @Override
    public void register(EmulatorContext context) {
        this.ctx = context;
        this.store = new UnityPredictStore(context, models);
        new PredictRoutes(context, store).register();
        new FileRoutes(context, store).register();
    }

    @Override
    public Optional<Reply> authenticate(Request r) {
        String h = r.header("Authorization");
        boolean valid = h != null && h.trim().equals("Bearer APIKEY@" + ctx.apiKey());
        return valid ? Optional.empty() : Optional.of(errorReply(401, AUTH_FAILED));
    }

    /** The envelope of the real service's failed calls: no status, the message in {@code errorMessages}. */
    @Override
    public ObjectNode errorBody(int status, String message) {
        ObjectNode n = Json.object();
        n.putNull("status");
        n.put("errorMessages", message);
        return n;
    }

    /** A predict answer cut off inside its outcomes. */
    @Override
    public byte[] malformedBody() {
        return MALFORMED_BODY.clone();
    }

    @Override
    public void reset() {
        if (store != null) {
            store.reset();
        }
    }
}

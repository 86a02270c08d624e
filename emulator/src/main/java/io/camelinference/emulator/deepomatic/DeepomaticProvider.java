package io.camelinference.emulator.deepomatic;

import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * The Deepomatic v0.7 API under its real paths (clients use {@code <emulator>/v0.7} as the base URL), with and without
 * trailing slashes: recognition specifications (public and private), recognition versions, neural networks (public
 * and private), the account ({@code /accounts/me}), inference answering a task id, and tasks. Calls are authenticated
 * with {@code X-API-KEY}; the sample images are public.
 * <p>
 * Public specifications are backed by real image models: {@code dominant-color-v1} (an exclusive classifier of the
 * colour covering most of the image) and {@code color-blobs-v1} (a detector of coloured regions with relative boxes).
 * A private specification runs the classifier (roi {@code NONE}) or the detector (roi {@code BBOX}) for its labels
 * whose names are colours, through its current version only: a version links it to one of your networks, and
 * {@code current_version_id} must name an existing version of it. Every inference (on a specification or a version) is
 * a billed task that stays {@code pending} for the emulator's slow-model time, then ends in {@code success} (or
 * {@code error} under a {@code job} fault); a network's deployment is a task too.
 */
public final class DeepomaticProvider implements EmulatorProvider {

    public static final String NAME = "deepomatic";
    public static final String PREFIX = "/v0.7";
    public static final JobStates STATES = new JobStates("pending", "success", "error");
    public static final String IMAGES = "/_emulator/deepomatic/images";
    static final String NO_CREDENTIALS = "Authentication credentials not provided.";
    static final String BAD_CREDENTIALS = "Incorrect authentication credentials.";
    private static final byte[] MALFORMED_BODY = "{\"task_id\":\"10".getBytes(StandardCharsets.UTF_8);

    private final SpecStore store = new SpecStore();
    private EmulatorContext ctx;

    @Override
    public String name() {
        return NAME;
    }

    /** Ids of the public specifications. */
    public Set<String> publicSpecIds() {
        return store.publicSpecIds();
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of(PREFIX, "/_emulator/deepomatic");
    }

    @Override
    public void register(EmulatorContext context) {
        this.ctx = context;
        new SpecRoutes(context, store).register();
        new VersionRoutes(context, store).register();
        new NetworkRoutes(context, store).register();
        new AccountRoutes(context).register();
        new InferenceRoutes(context, store).register();
        new TaskRoutes(context, store).register();
        new SampleImageRoutes(context).register();
    }

    @Override
    public Optional<Reply> authenticate(Request r) {
        String key = r.header("X-API-KEY");
        if (key == null || key.isBlank()) {
            return Optional.of(errorReply(401, NO_CREDENTIALS));
        }
        if (!key.trim().equals(ctx.apiKey())) {
            return Optional.of(errorReply(401, BAD_CREDENTIALS));
        }
        return Optional.empty();
    }

    /** DRF-style: {@code detail} for authentication, permission and not-found errors, {@code error} for the rest. */
    @Override
    public ObjectNode errorBody(int status, String message) {
        ObjectNode n = Json.object();
        n.put(status == 401 || status == 403 || status == 404 || status == 405 || status == 415 ? "detail" : "error",
                message);
        return n;
    }

    /** An inference answer cut off inside its task id. */
    @Override
    public byte[] malformedBody() {
        return MALFORMED_BODY.clone();
    }

    @Override
    public void reset() {
        store.reset();
    }
}

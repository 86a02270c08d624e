package io.camelinference.emulator.annolab;

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
 * The AnnoLab v1 API under its real paths (clients use the emulator's root as the base URL; paths start with
 * {@code /v1}). Projects, sources (text, and PDFs through a signed upload URL served by the emulator), batch inference
 * jobs that write annotations into an output layer, and project exports as zip files. Calls are authenticated with
 * {@code Authorization: Api-Key <key>} (scheme case-insensitive); the signed URLs are public. Beside inference, the
 * calls the official SDK makes: directories, layers, annotation types, annotations (on a source, one, or in bulk) and
 * relations, sources read and deleted by id or by path, and exports in the layout the SDK's importer reads back.
 * Every error, unknown paths included, is AnnoLab's {@code {"message": ...}}.
 * <p>
 * Models: {@value EntityAnnotator#NAME} (id {@value EntityAnnotator#ID}: dates, amounts, e-mail addresses,
 * organisations) and {@value DocumentClassifier#NAME} (id {@value DocumentClassifier#ID}). The API key belongs to the
 * group {@value #DEMO_GROUP}, which holds the project {@value #DEMO_PROJECT} from the start, and to its owner's own
 * single-user group {@value #USER_GROUP} (the SDK's default owner).
 */
public final class AnnoLabProvider implements EmulatorProvider {

    public static final String NAME = "annolab";
    public static final String DEMO_GROUP = "demo";
    public static final String DEMO_PROJECT = "contracts";
    /** The key owner's own group: {@code isSingleUser: true}, where the SDK creates and finds projects by default. */
    public static final String USER_GROUP = "emulator-user";
    /** Where new sources land when a call names no directory (the SDK's README: "Uploads"). */
    public static final String DEFAULT_DIRECTORY = "Uploads";
    /** Where annotations land when a call names no layer. */
    public static final String DEFAULT_LAYER = "Gold Set";
    /** Inference job states after {@code Queued}, which is reported for the first third of a job's run. */
    public static final JobStates INFERENCE_STATES = new JobStates("Running", "Finished", "Errored");
    public static final String QUEUED = "Queued";
    /** Export job states after {@code initialized}, which is reported for the first third of an export's run. */
    public static final JobStates EXPORT_STATES = new JobStates("started", "finished", "errored");
    public static final String INITIALIZED = "initialized";
    private static final String SEND_API_KEY = "send Authorization: Api-Key <key>";
    private static final byte[] MALFORMED_BODY =
            "{\"id\":1001,\"projectName\":\"contracts\",\"sourceNa".getBytes(StandardCharsets.UTF_8);

    private final Map<String, AnnoLabModel> models = new LinkedHashMap<>();
    private EmulatorContext ctx;
    private AnnoLabStore store;

    public AnnoLabProvider() {
        for (AnnoLabModel m : new AnnoLabModel[] {new EntityAnnotator(), new DocumentClassifier()}) {
            models.put(m.name(), m);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The model names served. */
    public Set<String> modelNames() {
        return models.keySet();
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/v1", "/_emulator/annolab");
    }

    @Override
    public void register(EmulatorContext context) {
        this.ctx = context;
        this.store = new AnnoLabStore(context);
        new ProjectRoutes(context, store).register();
        new SourceRoutes(context, store).register();
        new InferenceRoutes(context, store, models).register();
        new ExportRoutes(context, store).register();
        new SchemaRoutes(context, store).register();
        new AnnotationRoutes(context, store).register();
    }

    @Override
    public Optional<Reply> authenticate(Request r) {
        String header = r.header("Authorization");
        if (header == null || header.isBlank()) {
            return Optional.of(errorReply(401, "Authentication credentials were not provided: " + SEND_API_KEY));
        }
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Api-Key")) {
            return Optional.of(errorReply(401, "Unsupported authorization scheme: " + SEND_API_KEY));
        }
        if (!parts[1].strip().equals(ctx.apiKey())) {
            return Optional.of(errorReply(401, "Invalid API key"));
        }
        return Optional.empty();
    }

    @Override
    public ObjectNode errorBody(int status, String message) {
        return Json.object().put("message", message);
    }

    /** A source answer cut off inside its fields. */
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

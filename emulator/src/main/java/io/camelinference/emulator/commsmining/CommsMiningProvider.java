package io.camelinference.emulator.commsmining;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.EmulatorProvider;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * UiPath Communications Mining (formerly Reinfer) under its real paths (clients use the emulator's root as the tenant
 * base URL; paths start with {@code /api/v1}). Calls are authenticated with {@code Authorization: Bearer <token>};
 * every body, errors included, carries the service's {@code {"status": "ok" | "error", "message"}} envelope.
 * <p>
 * The dataset {@code demo/support-emails} has three model versions trained at start-up on the shipped labelled e-mails
 * (a text classifier over twelve hierarchical labels, with sentiment and a Tone label property, and an entity extractor
 * for dates, amounts, e-mail addresses, order and invoice numbers and people's names); its source {@code demo/inbox}
 * holds the shipped comments (more come with {@code sync}); its streams are {@code inbound} and {@code complaints}.
 * Predictions are billed one AI unit per document or comment; {@code GET /_emulator/commsmining/state} shows the units
 * billed per dataset and path, the streams' positions and the exceptions reported on them.
 */
public final class CommsMiningProvider implements EmulatorProvider {

    public static final String NAME = "commsmining";
    static final String DATASETS = "/api/v1/datasets";
    private static final byte[] MALFORMED_BODY =
            "{\"status\":\"ok\",\"predictions\":[[{\"name\":[\"Billing\",\"Ref".getBytes(StandardCharsets.UTF_8);

    private EmulatorContext ctx;
    private CommsMiningStore store;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/api/v1", "/_emulator/commsmining");
    }

    @Override
    public void register(EmulatorContext context) {
        this.ctx = context;
        this.store = new CommsMiningStore(new ModelVersions(TrainingSet.load()));
        new PredictRoutes(context, store).register();
        new StreamRoutes(context, store).register();
        new SourceRoutes(context, store).register();
        context.publicRoute("GET", "/_emulator/commsmining/state", r -> Reply.json(store.state()));
    }

    @Override
    public Optional<Reply> authenticate(Request r) {
        String header = r.header("Authorization");
        if (header == null || header.isBlank()) {
            return Optional.of(errorReply(401, "Authentication required: send Authorization: Bearer <API token>"));
        }
        String h = header.strip();
        if (!h.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return Optional.of(errorReply(401, "Unsupported authorization scheme: send Authorization: Bearer"
                    + " <API token>"));
        }
        if (!h.substring(7).strip().equals(ctx.apiKey())) {
            return Optional.of(errorReply(401, "Invalid API token"));
        }
        return Optional.empty();
    }

    @Override
    public ObjectNode errorBody(int status, String message) {
        return Json.object().put("status", "error").put("message", message);
    }

    /** A predict answer cut off inside a label name. */
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

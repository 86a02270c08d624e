package io.camelinference.emulator.labelstudio;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.EmulatorProvider;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * A small Label Studio (community edition) under its real paths: projects with label configs, task import (JSON, or a
 * JSON/CSV/TSV/TXT file), tasks, export, ML backends that it really calls (health and setup when one is added or read,
 * predict for "Retrieve Predictions" and interactive annotation, the training webhook) with Label Studio's timeouts,
 * predictions, and the data manager's {@code retrieve_tasks_predictions} action. Clients use the emulator's root as
 * the base URL ({@code <emulator>/api/...}).
 * <p>
 * Auth: {@code Authorization: Token <key>} (the legacy token: the emulator's API key), or
 * {@code Authorization: Bearer <access token>}, the access token exchanged for a personal access token at
 * {@code POST /api/token/refresh/}; a personal access token is created with {@code POST /api/token/}. Errors use Label
 * Studio's envelope ({@link LsErrors}). Control: {@code GET|POST /_emulator/labelstudio/settings} (timeouts, token
 * lifetimes), {@code POST /_emulator/labelstudio/revoke-access-tokens}, {@code GET /_emulator/labelstudio/events}
 * (what Label Studio would log about its calls to backends).
 */
public final class LabelStudioProvider implements EmulatorProvider {

    public static final String NAME = "labelstudio";
    public static final String CONTROL = "/_emulator/labelstudio";
    static final List<String> PREFIXES = List.of("/api/projects", "/api/tasks", "/api/ml", "/api/predictions",
            "/api/dm", "/api/token", CONTROL);
    private static final byte[] MALFORMED = "{\"id\": 1, \"title\": \"trunc".getBytes(StandardCharsets.UTF_8);

    private final LabelStudioSettings settings;
    private final LabelStudioStore store = new LabelStudioStore();
    private final JwtTokens tokens = new JwtTokens();
    private final BackendCalls calls;
    private EmulatorContext ctx;

    /** Label Studio's default timeouts. */
    public LabelStudioProvider() {
        this(LabelStudioSettings.defaults());
    }

    /** With other timeouts or token lifetimes, e.g. a predict timeout of a second for a test. */
    public LabelStudioProvider(LabelStudioSettings settings) {
        this.settings = settings;
        this.calls = new BackendCalls(settings);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> pathPrefixes() {
        return PREFIXES;
    }

    /** The live settings; changes apply to the next call. */
    public LabelStudioSettings settings() {
        return settings;
    }

    @Override
    public void register(EmulatorContext context) {
        this.ctx = context;
        Backends backends = new Backends(store, calls, settings, context::baseUrl, context.apiKey());
        new TokenRoutes(context, tokens, settings).register();
        new ProjectRoutes(context, store).register();
        new ImportRoutes(context, store).register();
        new TaskRoutes(context, store).register();
        new MlRoutes(context, store, backends).register();
        new PredictionRoutes(context, store).register();
        new ActionRoutes(context, store, backends).register();
        new ControlRoutes(context, store, tokens, settings).register();
    }

    @Override
    public Optional<Reply> authenticate(Request r) {
        String header = r.header("Authorization");
        if (header == null || header.isBlank()) {
            return Optional.of(errorReply(401, "Authentication credentials were not provided."));
        }
        String value = header.strip();
        if (value.regionMatches(true, 0, "Token ", 0, 6)) {
            return value.substring(6).strip().equals(ctx.apiKey()) ? Optional.empty()
                    : Optional.of(errorReply(401, "Invalid token."));
        }
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String problem = tokens.problem(value.substring(7).strip(), "access");
            return problem == null ? Optional.empty()
                    : Optional.of(errorReply(401, "Given token not valid for any token type"));
        }
        return Optional.of(errorReply(401, "Invalid token header. Use 'Token <key>' or 'Bearer <access token>'."));
    }

    @Override
    public ObjectNode errorBody(int status, String message) {
        return LsErrors.envelope(status, message);
    }

    @Override
    public byte[] malformedBody() {
        return MALFORMED.clone();
    }

    @Override
    public void reset() {
        store.reset();
    }

    @Override
    public void close() {
        calls.close();
    }
}

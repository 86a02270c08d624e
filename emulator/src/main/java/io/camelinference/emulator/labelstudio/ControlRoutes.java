package io.camelinference.emulator.labelstudio;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;

/**
 * The emulated Label Studio's own controls (no credentials): its timeouts and token lifetimes, revoking every access
 * token issued so far (so a client meets a 401 for a token it believes valid), and the log of its calls to backends.
 */
final class ControlRoutes {

    private final EmulatorContext ctx;
    private final LabelStudioStore store;
    private final JwtTokens tokens;
    private final LabelStudioSettings settings;

    ControlRoutes(EmulatorContext ctx, LabelStudioStore store, JwtTokens tokens, LabelStudioSettings settings) {
        this.ctx = ctx;
        this.store = store;
        this.tokens = tokens;
        this.settings = settings;
    }

    void register() {
        String base = LabelStudioProvider.CONTROL;
        ctx.publicRoute("GET", base + "/settings", r -> Reply.json(settings.toJson()));
        ctx.publicRoute("POST", base + "/settings", r -> {
            JsonNode body = r.jsonObject("Expected a JSON object of settings in milliseconds.");
            settings.update(body);
            return Reply.json(settings.toJson());
        });
        ctx.publicRoute("POST", base + "/revoke-access-tokens", r -> {
            tokens.revokeAccessTokens();
            return Reply.json(Json.object().put("revoked", true));
        });
        ctx.publicRoute("GET", base + "/events", r -> Reply.json(store.events()));
    }
}

package io.camelinference.emulator.labelstudio;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * Personal access tokens: {@code POST /api/token/} creates one for the caller; {@code POST /api/token/refresh/}
 * (public: the body carries the credential) exchanges one for a short-lived access token.
 */
final class TokenRoutes {

    private final EmulatorContext ctx;
    private final JwtTokens tokens;
    private final LabelStudioSettings settings;

    TokenRoutes(EmulatorContext ctx, JwtTokens tokens, LabelStudioSettings settings) {
        this.ctx = ctx;
        this.tokens = tokens;
        this.settings = settings;
    }

    void register() {
        ctx.route("POST", "/api/token", LsErrors.wrap(r -> create()));
        ctx.publicRoute("POST", "/api/token/refresh", LsErrors.wrap(this::refresh));
    }

    private Reply create() {
        ObjectNode n = Json.object();
        n.put("token", tokens.personalToken(settings.personalTokenLifetime()));
        n.put("created_at", Instant.now().toString());
        n.put("expires_at", Instant.now().plus(settings.personalTokenLifetime()).toString());
        return Reply.json(201, n);
    }

    private Reply refresh(Request r) throws Exception {
        JsonNode body = r.jsonObject("Expected a JSON object with the field refresh.");
        String refresh = Json.text(body, "refresh");
        if (refresh == null || refresh.isBlank()) {
            throw LsErrors.ValidationFailure.field("refresh", "This field is required.");
        }
        if (tokens.problem(refresh, "refresh") != null) {
            throw new ApiError(401, "Token is invalid or expired");
        }
        return Reply.json(Json.object().put("access", tokens.accessToken(settings.accessTokenLifetime())));
    }
}

package io.camelinference.labelstudio.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.common.component.InferenceService;
import io.camelinference.common.http.AuthStrategy;
import io.camelinference.common.json.Json;

/**
 * Chooses Label Studio's credential as its SDK does ({@code tokens/client_ext.py}): a key that decodes as a JWT is a
 * personal access token ({@link PersonalAccessToken}); anything else is a legacy token, sent as
 * {@code Authorization: Token <key>}.
 */
public final class LabelStudioAuth {

    private LabelStudioAuth() {
    }

    public static AuthStrategy of(InferenceService.AuthContext context) {
        String key = context.apiKey();
        if (key == null || key.isBlank()) {
            return AuthStrategy.none();
        }
        JsonNode claims = claims(key.strip());
        if (claims == null) {
            return AuthStrategy.header("Authorization", "Token ", key.strip());
        }
        if (!claims.path("exp").isNumber()) {
            throw new IllegalArgumentException("labelstudio: the personal access token has no expiration (exp) and is"
                    + " not valid; create a new one in Label Studio (Account & Settings, Personal Access Token)");
        }
        return new PersonalAccessToken(key.strip(), claims.get("exp").asDouble(), context.plainClient());
    }

    /** The claims of a JWT (not verified: only the server can), or null when the text is not one. */
    static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3 || parts[1].isEmpty()) {
            return null;
        }
        try {
            JsonNode claims = Json.mapper().readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            return claims != null && claims.isObject() ? claims : null;
        } catch (IllegalArgumentException | java.io.IOException notAJwt) {
            return null;
        }
    }
}

package io.camelinference.emulator.labelstudio;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * Label Studio's personal access tokens, as its SimpleJWT setup issues them: a personal access token is a signed JWT
 * refresh token ({@code token_type: refresh}, with an {@code exp}); {@code POST /api/token/refresh/} exchanges it for a
 * short-lived access token ({@code token_type: access}) that clients send as {@code Authorization: Bearer}. Tokens are
 * HS256-signed with a per-emulator secret. {@link #revokeAccessTokens()} invalidates every access token issued so far
 * (their {@code gen} claim no longer matches), so a client can be shown a 401 for a token it still believes valid.
 */
final class JwtTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
            .getBytes(StandardCharsets.UTF_8));

    private final byte[] secret = new byte[32];
    private final AtomicInteger generation = new AtomicInteger();

    JwtTokens() {
        new SecureRandom().nextBytes(secret);
    }

    /** A new personal access token (a refresh token). */
    String personalToken(Duration lifetime) {
        return sign("refresh", lifetime);
    }

    /** A new access token for a valid refresh token. */
    String accessToken(Duration lifetime) {
        return sign("access", lifetime);
    }

    void revokeAccessTokens() {
        generation.incrementAndGet();
    }

    /** Null when the token is a valid, unexpired token of that type; else why not (never quoting the token). */
    String problem(String token, String type) {
        JsonNode claims = verified(token);
        if (claims == null) {
            return "Token is invalid";
        }
        if (!type.equals(claims.path("token_type").asText())) {
            return "Token has wrong type";
        }
        if (claims.path("exp").asDouble() * 1000 <= System.currentTimeMillis()) {
            return "Token is expired";
        }
        if ("access".equals(type) && claims.path("gen").asInt() != generation.get()) {
            return "Token is blacklisted";
        }
        return null;
    }

    private String sign(String type, Duration lifetime) {
        long now = System.currentTimeMillis();
        ObjectNode claims = Json.object();
        claims.put("token_type", type);
        // seconds with a fraction: a lifetime under a second still expires when it should
        claims.put("exp", (now + lifetime.toMillis()) / 1000.0);
        claims.put("iat", now / 1000);
        claims.put("jti", UUID.randomUUID().toString().replace("-", ""));
        claims.put("user_id", 1);
        if ("access".equals(type)) {
            claims.put("gen", generation.get());
        }
        String body = HEADER + "." + B64.encodeToString(Json.bytes(claims));
        return body + "." + B64.encodeToString(hmac(body));
    }

    private JsonNode verified(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            byte[] expected = hmac(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, B64D.decode(parts[2]))) {
                return null;
            }
            return Json.MAPPER.readTree(B64D.decode(parts[1]));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    private byte[] hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

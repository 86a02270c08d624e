package io.camelinference.labelstudio.client;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.camelinference.common.body.RequestBody;
import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceException;
import io.camelinference.common.http.ApiRequest;
import io.camelinference.common.http.AuthStrategy;
import io.camelinference.common.http.InferenceHttpClient;
import io.camelinference.common.http.SensitiveHeader;
import io.camelinference.common.retry.RetrySafety;
import io.camelinference.labelstudio.model.AccessToken;
import org.apache.hc.core5.http.Header;

/**
 * A personal access token: a JWT refresh token exchanged at {@code POST /api/token/refresh/} for short-lived access
 * tokens sent as {@code Authorization: Bearer}. One exchange at a time, whatever the number of requests waiting; the
 * next one starts in the background once four fifths of the access token's life have passed, so requests rarely wait
 * for it; an access token the server refuses (401) is forgotten and the request is sent once more with a new one.
 */
final class PersonalAccessToken implements AuthStrategy {

    /** An access token, its header, when to renew it in the background, and when it stops being valid. */
    private record Access(String token, Header header, long renewAtMillis, long expiresAtMillis) {
    }

    private static final String REFRESH_PATH = "/api/token/refresh/";

    private final String token;
    private final double expiresAtSeconds;
    private final Supplier<InferenceHttpClient> plainClients;
    private volatile InferenceHttpClient plain;
    private volatile Access current;
    private final AtomicReference<CompletableFuture<Access>> exchanging = new AtomicReference<>();

    PersonalAccessToken(String token, double expiresAtSeconds, Supplier<InferenceHttpClient> plainClients) {
        this.token = token;
        this.expiresAtSeconds = expiresAtSeconds;
        this.plainClients = plainClients;
    }

    @Override
    public CompletableFuture<Header> credential() {
        Access access = current;
        long now = System.currentTimeMillis();
        if (access != null && now < access.expiresAtMillis()) {
            if (now >= access.renewAtMillis()) {
                exchange();
            }
            return CompletableFuture.completedFuture(access.header());
        }
        return exchange().thenApply(Access::header);
    }

    @Override
    public boolean refused(Header used) {
        Access access = current;
        if (access != null && used != null && used.getValue().equals(access.header().getValue())) {
            current = null;
        }
        return true;
    }

    /** The running exchange, or a new one. */
    private CompletableFuture<Access> exchange() {
        CompletableFuture<Access> running = exchanging.get();
        if (running != null) {
            return running;
        }
        CompletableFuture<Access> mine = new CompletableFuture<>();
        if (!exchanging.compareAndSet(null, mine)) {
            return exchanging.get();
        }
        refresh().whenComplete((access, error) -> {
            if (error == null) {
                current = access;
            }
            exchanging.set(null);
            if (error != null) {
                mine.completeExceptionally(error);
            } else {
                mine.complete(access);
            }
        });
        return mine;
    }

    private CompletableFuture<Access> refresh() {
        if (expiresAtSeconds * 1000 <= System.currentTimeMillis()) {
            return CompletableFuture.failedFuture(new InferenceException("labelstudio", "The Label Studio personal"
                    + " access token expired at " + Instant.ofEpochMilli((long) (expiresAtSeconds * 1000)) + "; create a"
                    + " new one in Label Studio (Account & Settings, Personal Access Token)"));
        }
        long sent = System.currentTimeMillis();
        ApiRequest request = ApiRequest.post(REFRESH_PATH).body(RequestBody.json(Map.of("refresh", token)))
                .safety(RetrySafety.IDEMPOTENT).build();
        return plain().send(request, AccessToken.class).handle((answer, error) -> {
            if (error != null) {
                throw refusedToken(Failures.cause(error));
            }
            if (answer == null || answer.access() == null || answer.access().isBlank()) {
                throw new InferenceException("labelstudio", "POST " + REFRESH_PATH + " answered without an access"
                        + " token");
            }
            return access(answer.access(), sent);
        });
    }

    private static Access access(String access, long sent) {
        var claims = LabelStudioAuth.claims(access);
        double exp = claims == null ? 0 : claims.path("exp").asDouble(0);
        // without a readable expiry, use it until the server refuses it
        long expires = exp > 0 ? (long) (exp * 1000) : Long.MAX_VALUE;
        long renew = exp > 0 ? sent + (expires - sent) * 4 / 5 : Long.MAX_VALUE;
        return new Access(access, new SensitiveHeader("Authorization", "Bearer ", access), renew, expires);
    }

    private static RuntimeException refusedToken(Throwable cause) {
        if (cause instanceof InferenceApiException api && (api.getStatusCode() == 401 || api.getStatusCode() == 403)) {
            return new InferenceApiException("labelstudio", api.getOperation(), api.getStatusCode(), "the personal"
                    + " access token was refused (" + api.getProviderMessage() + "): create a new one in Label Studio"
                    + " (Account & Settings, Personal Access Token)", api.getRequestId());
        }
        return cause instanceof RuntimeException r ? r : new InferenceException("labelstudio", cause.getMessage(), cause);
    }

    private InferenceHttpClient plain() {
        InferenceHttpClient c = plain;
        if (c == null) {
            synchronized (this) {
                if (plain == null) {
                    plain = plainClients.get();
                }
                c = plain;
            }
        }
        return c;
    }

    @Override
    public Collection<String> secrets() {
        Access access = current;
        return access == null ? List.of(token) : List.of(token, access.token());
    }

    @Override
    public String toString() {
        return "Authorization: Bearer ****** (personal access token)";
    }
}

package io.camelinference.common.http;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.hc.core5.http.Header;

/**
 * How a service wants its credential on each request. The credential travels as a {@link SensitiveHeader}, whose
 * {@code toString()} is masked, and is sent only to the configured base URL's origin (see {@link InferenceHttpClient}).
 */
public interface AuthStrategy {

    /** The header to send with the next request, or a future of null for none. May first refresh a token. */
    CompletableFuture<Header> credential();

    /**
     * The service answered 401 to a request that carried {@code used}: forget a cached short-lived token.
     *
     * @return true when asking again with a fresh credential may succeed (the request is then sent once more)
     */
    default boolean refused(Header used) {
        return false;
    }

    /** Every secret this strategy knows, for masking text meant for people. */
    Collection<String> secrets();

    /**
     * This strategy, masking one more secret in text meant for people: one the component sends inside a request (e.g.
     * UnityPredict's callback token in the callback URL), which an error answer may quote back.
     */
    default AuthStrategy alsoMasking(String secret) {
        if (secret == null || secret.isEmpty()) {
            return this;
        }
        AuthStrategy credentials = this;
        return new AuthStrategy() {
            @Override
            public CompletableFuture<Header> credential() {
                return credentials.credential();
            }

            @Override
            public boolean refused(Header used) {
                return credentials.refused(used);
            }

            @Override
            public Collection<String> secrets() {
                List<String> all = new java.util.ArrayList<>(credentials.secrets());
                all.add(secret);
                return all;
            }

            @Override
            public String toString() {
                return credentials.toString();
            }
        };
    }

    /** No credential. */
    static AuthStrategy none() {
        return new AuthStrategy() {
            @Override
            public CompletableFuture<Header> credential() {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public Collection<String> secrets() {
                return List.of();
            }

            @Override
            public String toString() {
                return "no auth";
            }
        };
    }

    /**
     * One header carrying the key after a fixed prefix: UnityPredict {@code Authorization: Bearer APIKEY@<key>},
     * AnnoLab {@code Authorization: Api-Key <key>}, Deepomatic {@code X-API-KEY: <key>}.
     */
    static AuthStrategy header(String name, String prefix, String key) {
        SensitiveHeader header = key == null ? null : new SensitiveHeader(name, prefix, key);
        CompletableFuture<Header> ready = CompletableFuture.completedFuture(header);
        List<String> secrets = key == null ? List.of() : List.of(key);
        return new AuthStrategy() {
            @Override
            public CompletableFuture<Header> credential() {
                return ready;
            }

            @Override
            public Collection<String> secrets() {
                return secrets;
            }

            @Override
            public String toString() {
                return name + ": " + (prefix == null ? "" : prefix) + "******";
            }
        };
    }
}

package io.camelinference.common.http;

import org.apache.hc.core5.http.HttpRequest;

/**
 * How a service wants its credential on each request. Implementations keep the secret to themselves:
 * {@link #toString()} never shows it and {@link #secret()} exists only so error text can be scrubbed of it.
 */
public interface AuthStrategy {

    void apply(HttpRequest request);

    /** The raw secret, used only to mask it out of messages; null when there is none. */
    String secret();

    /** No credential (signed upload links, the emulator's control API). */
    static AuthStrategy none() {
        return new AuthStrategy() {
            @Override
            public void apply(HttpRequest request) {
            }

            @Override
            public String secret() {
                return null;
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
        return new HeaderAuth(name, prefix, key);
    }

    /** See {@link AuthStrategy#header(String, String, String)}. */
    final class HeaderAuth implements AuthStrategy {
        private final String name;
        private final String prefix;
        private final String key;

        HeaderAuth(String name, String prefix, String key) {
            this.name = name;
            this.prefix = prefix == null ? "" : prefix;
            this.key = key;
        }

        @Override
        public void apply(HttpRequest request) {
            if (key != null) {
                request.setHeader(name, prefix + key);
            }
        }

        @Override
        public String secret() {
            return key;
        }

        @Override
        public String toString() {
            return name + ": " + prefix + "******";
        }
    }
}

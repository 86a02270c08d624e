package io.camelinference.common.http;

import org.apache.hc.core5.http.Header;

/**
 * A request header that carries a credential. HttpClient 5 writes a header to the wire from {@link #getValue()} but
 * logs it (its {@code org.apache.hc.client5.http.headers} DEBUG log) through {@link #toString()}, which masks the value:
 * the key never reaches a log line, whatever the application's log levels.
 */
public final class SensitiveHeader implements Header {

    private final String name;
    private final String value;
    private final String shown;

    /**
     * @param name   e.g. {@code Authorization}
     * @param prefix the non-secret start of the value, e.g. {@code Bearer APIKEY@}
     * @param secret the key or token
     */
    public SensitiveHeader(String name, String prefix, String secret) {
        this.name = name;
        this.value = (prefix == null ? "" : prefix) + secret;
        this.shown = name + ": " + (prefix == null ? "" : prefix) + "******";
    }

    @Override
    public boolean isSensitive() {
        return true;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getValue() {
        return value;
    }

    @Override
    public String toString() {
        return shown;
    }
}

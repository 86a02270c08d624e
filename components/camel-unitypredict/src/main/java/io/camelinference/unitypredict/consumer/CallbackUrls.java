package io.camelinference.unitypredict.consumer;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.camelinference.common.http.Origins;

/**
 * The callback URL a predict hands to UnityPredict, and the check of the shared token it carries. UnityPredict signs
 * nothing and adds no header of its own to its callback, so the token travels in the URL's query
 * ({@value #TOKEN}); the consumer compares it in constant time and never passes it to the route.
 */
public final class CallbackUrls {

    /** The query parameter that carries the callback token. */
    public static final String TOKEN = "token";

    private CallbackUrls() {
    }

    /**
     * The URL of a callback consumer: the application's public address, the consumer's contextPath and, when set, the
     * token, e.g. {@code url("https://camel.example.com", "/unitypredict/callback", secret)}.
     */
    public static String url(String publicAddress, String contextPath, String token) {
        String base = publicAddress.endsWith("/") ? publicAddress.substring(0, publicAddress.length() - 1)
                : publicAddress;
        String path = contextPath == null || contextPath.isBlank() ? "" : contextPath.startsWith("/") ? contextPath
                : "/" + contextPath;
        return withToken(base + path, token);
    }

    /**
     * The callback URL a predict sends: the configured one with the token. A message's own callback URL gets the token
     * only when it is on the configured one's origin: the token is the consumer's secret, and a URL from a message
     * body may point anywhere (the service would POST the token there).
     */
    public static String forPredict(String messageUrl, String configuredUrl, String token) {
        if (messageUrl == null) {
            return withToken(configuredUrl, token);
        }
        return Origins.same(messageUrl, configuredUrl) ? withToken(messageUrl, token) : messageUrl;
    }

    /** The URL with the token added as its {@value #TOKEN} query parameter (unless it already carries one). */
    public static String withToken(String url, String token) {
        if (url == null || token == null || token.isEmpty() || tokenOf(URI.create(url).getRawQuery()) != null) {
            return url;
        }
        int hash = url.indexOf('#');
        String head = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        return head + (head.contains("?") ? "&" : "?") + TOKEN + "=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + fragment;
    }

    /** Whether the raw query carries the expected token; always true when no token is configured. */
    static boolean authorized(String rawQuery, String expected) {
        if (expected == null || expected.isEmpty()) {
            return true;
        }
        String given = tokenOf(rawQuery);
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String tokenOf(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(TOKEN)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}

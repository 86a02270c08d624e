package io.camelinference.common.http;

import java.net.URI;
import java.util.Locale;

/** Scheme, host and port of a URL: what decides whether a credential may be sent to it. */
public final class Origins {

    private Origins() {
    }

    static boolean isAbsolute(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return u.startsWith("http://") || u.startsWith("https://");
    }

    /** e.g. {@code https://api.example.com:443}; the default port is written out so equal origins compare equal. */
    static String of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }

    /**
     * Whether two absolute URLs have the same scheme, host and port: where a secret meant for one may also go. False
     * when either is not an absolute http(s) URL.
     */
    public static boolean same(String a, String b) {
        if (a == null || b == null || !isAbsolute(a) || !isAbsolute(b)) {
            return false;
        }
        try {
            URI ua = URI.create(a);
            URI ub = URI.create(b);
            return ua.getHost() != null && ua.getRawUserInfo() == null && ub.getRawUserInfo() == null
                    && of(ua).equals(of(ub));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The origin without a default port, for messages. */
    static String show(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }
}

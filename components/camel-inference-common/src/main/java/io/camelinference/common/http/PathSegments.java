package io.camelinference.common.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Encodes values that become one segment of a URL path: a name with {@code /}, spaces or {@code ?} stays one segment. */
public final class PathSegments {

    private PathSegments() {
    }

    public static String encode(String value) {
        if (value == null) {
            throw new IllegalArgumentException("A URL path segment must not be null");
        }
        if (isUnreserved(value)) {
            return value; // ids and model names nearly always are: no encoder, no copies
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Only RFC 3986 unreserved characters (letters, digits, {@code -._~}): the value is its own encoding. */
    private static boolean isUnreserved(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return !value.isEmpty() && !value.equals(".") && !value.equals("..");
    }

    /** Joins encoded segments: {@code path("predict", "status", id)} is {@code /predict/status/<id>}. */
    public static String path(String... segments) {
        StringBuilder out = new StringBuilder();
        for (String s : segments) {
            out.append('/').append(encode(s));
        }
        return out.toString();
    }
}

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
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
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

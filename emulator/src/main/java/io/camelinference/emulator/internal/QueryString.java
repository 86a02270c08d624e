package io.camelinference.emulator.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decoding of raw {@code application/x-www-form-urlencoded} query strings. */
public final class QueryString {

    private QueryString() {
    }

    /** The first value of every parameter, in order of appearance; empty for a null or empty query. */
    public static Map<String, String> firstValues(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        forEach(rawQuery, (k, v) -> out.putIfAbsent(k, v));
        return out;
    }

    /** Every value of a repeated parameter ({@code ?task_ids=1&task_ids=2}), in order; empty when absent. */
    public static List<String> values(String rawQuery, String name) {
        List<String> out = new ArrayList<>();
        forEach(rawQuery, (k, v) -> {
            if (k.equals(name)) {
                out.add(v);
            }
        });
        return out;
    }

    private static void forEach(String rawQuery, java.util.function.BiConsumer<String, String> action) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String part : rawQuery.split("&")) {
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            action.accept(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
    }
}

package io.camelinference.emulator.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who owns a request path: each owner declares path prefixes and the longest one that matches on segment
 * boundaries wins, so that {@code /api/v1/datasets} can belong to one provider while {@code /api} belongs to another.
 *
 * @param <T> the owner
 */
public final class PathPrefixes<T> {

    private final Map<String, T> owners = new ConcurrentHashMap<>();

    /**
     * Declares a prefix such as {@code /v0.7}; a trailing slash is ignored.
     *
     * @throws IllegalArgumentException when the prefix does not start with {@code /} or another owner declared it
     */
    public void add(String prefix, T owner) {
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("a path prefix must start with /: " + prefix);
        }
        T previous = owners.putIfAbsent(normalize(prefix), owner);
        if (previous != null && !previous.equals(owner)) {
            throw new IllegalArgumentException("path prefix " + prefix + " is already owned by " + previous);
        }
    }

    /** The owner of the longest declared prefix of {@code path}, or null when no prefix matches. */
    public T owner(String path) {
        String p = normalize(path);
        while (true) {
            T owner = owners.get(p);
            if (owner != null) {
                return owner;
            }
            int slash = p.lastIndexOf('/');
            if (slash <= 0) {
                return null;
            }
            // one segment shorter: "/v1x" never matches the prefix "/v1"
            p = p.substring(0, slash);
        }
    }

    private static String normalize(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}

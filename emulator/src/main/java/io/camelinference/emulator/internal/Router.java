package io.camelinference.emulator.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelinference.emulator.spi.RouteHandler;

/** Routes (provider, method, path template) to handlers. Templates use {@code {var}} segments. */
public final class Router {

    /** Who may call a route, and so what the dispatcher does before its handler runs. */
    public enum Access {
        /** The emulator's own API: no credentials, not counted, not faulted. */
        CONTROL,
        /** A provider route without credentials (signed links, sample images): counted and faulted, not authenticated. */
        PUBLIC,
        /** A provider route whose provider authenticates every call (its {@code authenticate} hook). */
        AUTHENTICATED
    }

    /** A registered route. */
    public record Route(String provider, String method, String template, String[] segments, RouteHandler handler,
                        Access access) {

        /** The key of its call counter: method and template, e.g. {@code POST /api/predict/{modelId}}. */
        public String statsKey() {
            return method + " " + template;
        }

        public boolean control() {
            return access == Access.CONTROL;
        }
    }

    /** A match: the route and its decoded path variables. */
    public record Match(Route route, Map<String, String> vars) {
    }

    /** Outcome of a lookup: a match, or "path known but not for this method", or nothing. */
    public record Lookup(Match match, boolean pathKnown) {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    public void add(String provider, String method, String template, RouteHandler handler, Access access) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("template must start with /: " + template);
        }
        routes.add(new Route(provider, method.toUpperCase(java.util.Locale.ROOT), template, split(template), handler,
                access));
    }

    public List<Route> routes() {
        return new ArrayList<>(routes);
    }

    public Lookup lookup(String method, String rawPath) {
        String[] segs = split(rawPath);
        boolean pathKnown = false;
        Match best = null;
        int bestLiterals = -1;
        for (Route r : routes) {
            Map<String, String> vars = match(r.segments(), segs);
            if (vars == null) {
                continue;
            }
            pathKnown = true;
            if (!r.method().equals(method)) {
                continue;
            }
            int literals = 0;
            for (String s : r.segments()) {
                if (!isVar(s)) {
                    literals++;
                }
            }
            // the most literal template wins, e.g. /api/predict/status/{id} beats /api/predict/{modelId}/{requestId}
            if (literals > bestLiterals) {
                best = new Match(r, vars);
                bestLiterals = literals;
            }
        }
        return new Lookup(best, pathKnown);
    }

    private static Map<String, String> match(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (isVar(t)) {
                String value = decode(path[i]);
                if (value.isEmpty()) {
                    return null;
                }
                vars.put(t.substring(1, t.length() - 1), value);
            } else if (!t.equals(path[i])) {
                return null;
            }
        }
        return vars;
    }

    private static boolean isVar(String seg) {
        return seg.length() > 2 && seg.startsWith("{") && seg.endsWith("}");
    }

    private static String decode(String seg) {
        try {
            // path segments: '+' is a literal plus, not a space
            return URLDecoder.decode(seg.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return seg;
        }
    }

    private static String[] split(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.equals("/") || p.isEmpty()) {
            return new String[0];
        }
        return p.substring(1).split("/", -1);
    }
}

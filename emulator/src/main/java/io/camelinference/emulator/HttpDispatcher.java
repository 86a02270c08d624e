package io.camelinference.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.internal.PathPrefixes;
import io.camelinference.emulator.internal.QueryString;
import io.camelinference.emulator.internal.Router;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorProvider;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * Turns each HTTP exchange into one route call, the same way for every provider: route lookup (unknown paths answered
 * in the envelope of the provider owning the path), call counting, faults, the provider's auth hook, the handler, and
 * the reply written back.
 */
final class HttpDispatcher {

    private final Router router;
    private final Map<String, EmulatorProvider> providers;
    private final PathPrefixes<EmulatorProvider> owners;
    private final FaultInjector faults;
    private final EmulatorStats stats;
    private final Supplier<String> baseUrl;

    HttpDispatcher(Router router, Map<String, EmulatorProvider> providers, PathPrefixes<EmulatorProvider> owners,
                   FaultInjector faults, EmulatorStats stats, Supplier<String> baseUrl) {
        this.router = router;
        this.providers = providers;
        this.owners = owners;
        this.faults = faults;
        this.stats = stats;
        this.baseUrl = baseUrl;
    }

    /** The server's only handler. */
    void dispatch(HttpExchange ex) {
        try {
            handle(ex);
        } catch (Throwable t) {
            try {
                send(ex, errorReply(null, 500, "Emulator failure: " + t));
            } catch (Throwable ignored) {
                // the connection is gone
            }
        } finally {
            // for a dropped call no headers were sent: closing now closes the connection without any answer
            ex.close();
        }
    }

    private void handle(HttpExchange ex) throws Exception {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        URI uri = ex.getRequestURI();
        String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
        Router.Lookup lookup = router.lookup(method, path);
        if (lookup.match() == null) {
            send(ex, unrouted(method, path, lookup.pathKnown()));
            return;
        }
        Router.Route route = lookup.match().route();
        String provider = route.provider();
        Request request = new Request(provider, method, path, lookup.match().vars(),
                QueryString.firstValues(uri.getRawQuery()), ex.getRequestHeaders(), ex.getRequestBody(), baseUrl.get(),
                route.control() ? null : faults.jobFaults(provider, method, path), uri.getRawQuery());
        if (route.control()) {
            send(ex, call(null, route, request));
            return;
        }
        stats.countCall(provider, route.statsKey());
        EmulatorProvider owner = providers.get(provider);
        Optional<Reply> reply = faults.apply(owner, method, path, () -> call(owner, route, request));
        if (reply.isPresent()) {
            send(ex, reply.get());
        }
    }

    /** 404 for an unknown path, 405 for a known path and another method, in the envelope of the path's owner. */
    private Reply unrouted(String method, String path, boolean pathKnown) {
        int status = pathKnown ? 405 : 404;
        String message = pathKnown ? "Method " + method + " not allowed on " + path
                : "No route for " + method + " " + path;
        return errorReply(owners.owner(path), status, message);
    }

    /** The auth hook (for authenticated routes) and the handler; errors become the provider's envelope. */
    private static Reply call(EmulatorProvider provider, Router.Route route, Request request) {
        try {
            if (route.access() == Router.Access.AUTHENTICATED) {
                Optional<Reply> refusal = provider.authenticate(request);
                if (refusal.isPresent()) {
                    return refusal.get();
                }
            }
            Reply r = route.handler().handle(request);
            return r != null ? r : Reply.empty(204);
        } catch (ApiError e) {
            return errorReply(provider, e.status(), e.getMessage());
        } catch (Exception e) {
            return errorReply(provider, 500, "Internal error: " + e);
        }
    }

    /** The provider's envelope, or the emulator's own {@code {"error": ...}} where no provider is concerned. */
    private static Reply errorReply(EmulatorProvider provider, int status, String message) {
        return provider == null ? Reply.json(status, Json.object().put("error", message))
                : provider.errorReply(status, message);
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (reply.contentType() != null) {
            ex.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        long len = reply.length();
        if (len <= 0 || "HEAD".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(reply.status(), -1);
            return;
        }
        ex.sendResponseHeaders(reply.status(), len);
        try (InputStream in = reply.open(); OutputStream out = ex.getResponseBody()) {
            in.transferTo(out);
        }
    }
}

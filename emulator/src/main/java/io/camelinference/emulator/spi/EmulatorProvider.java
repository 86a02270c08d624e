package io.camelinference.emulator.spi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * One emulated SaaS API. A provider lives in its own package, registers its routes in {@link #register} and is
 * discovered through {@link java.util.ServiceLoader} ({@code META-INF/services/io.camelinference.emulator.spi.EmulatorProvider})
 * or added with {@code InferenceEmulator.builder().provider(...)}.
 * <p>
 * The core does the rest the same way for every provider: it calls {@link #authenticate} before each route that is
 * not public, answers unknown paths under {@link #pathPrefixes()} and errors in {@link #errorBody}, and uses
 * {@link #malformedBody()} for the {@code malformed} fault.
 */
public interface EmulatorProvider {

    /** Short lower-case name used in stats and fault rules, e.g. {@code unitypredict}. */
    String name();

    /**
     * The path prefixes this provider owns, e.g. {@code /v0.7}. A request under one of them that matches no route is
     * answered 404 (or 405 for a known path and another method) in this provider's error envelope; when prefixes of two
     * providers match, the longest wins. Paths under no prefix get the emulator's generic error body.
     */
    default List<String> pathPrefixes() {
        return List.of();
    }

    /**
     * Registers routes with {@link EmulatorContext#route} (authenticated) and {@link EmulatorContext#publicRoute}.
     * Called once, before the server starts.
     */
    void register(EmulatorContext context);

    /**
     * Checks the credentials of a call to one of this provider's authenticated routes, before its handler runs.
     *
     * @return empty to let the call through, or the provider's own refusal (status and error envelope of the real
     *         service); the refusal must not echo the key that was sent
     */
    Optional<Reply> authenticate(Request request);

    /** The provider's error envelope, used for its own errors, unknown paths and injected status faults. */
    default ObjectNode errorBody(int status, String message) {
        return Json.object().put("error", message);
    }

    /** A JSON reply with {@link #errorBody}. */
    default Reply errorReply(int status, String message) {
        return Reply.json(status, errorBody(status, message));
    }

    /**
     * What the {@code malformed} fault answers (with status 200 and {@code application/json}): JSON in this provider's
     * shape cut off in the middle, so that a client fails in its parser rather than on an unexpected field.
     */
    default byte[] malformedBody() {
        return "{\"error\":\"Injected fault: truncat".getBytes(StandardCharsets.UTF_8);
    }

    /** Forget all per-request state (uploads, outputs, ...). Jobs, stats and faults are cleared by the core. */
    default void reset() {
    }

    /** Release resources at shutdown. */
    default void close() {
    }
}

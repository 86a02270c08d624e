package io.camelinference.emulator.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * One emulated SaaS API. A provider lives in its own package, registers its routes in {@link #register} and is
 * discovered through {@link java.util.ServiceLoader} ({@code META-INF/services/io.camelinference.emulator.spi.EmulatorProvider})
 * or added with {@code InferenceEmulator.builder().provider(...)}.
 */
public interface EmulatorProvider {

    /** Short lower-case name used in stats and fault rules, e.g. {@code unitypredict}. */
    String name();

    /** Registers routes with {@link EmulatorContext#route}. Called once, before the server starts. */
    void register(EmulatorContext context);

    /** The provider's error envelope, used for its own errors and for injected status faults. */
    default ObjectNode errorBody(int status, String message) {
        ObjectNode n = Json.object();
        n.put("error", message);
        return n;
    }

    /** Forget all per-request state (uploads, outputs, ...). Jobs, stats and faults are cleared by the core. */
    default void reset() {
    }

    /** Release resources at shutdown. */
    default void close() {
    }
}

package io.camelinference.emulator;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension running an {@link InferenceEmulator} in-process on a free port:
 *
 * <pre>{@code
 * @RegisterExtension
 * static EmulatorExtension emulator = new EmulatorExtension();
 * }</pre>
 *
 * Starts before all tests, resets before each test (stats, faults, jobs, uploads, sinks; the extension's own startup
 * faults are then added again), stops after all tests. Requires junit-jupiter-api on the test class path.
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final InferenceEmulator.Builder builder;
    private InferenceEmulator emulator;
    private int depth;

    /** Api key {@value InferenceEmulator#DEFAULT_API_KEY}, no faults. */
    public EmulatorExtension() {
        this(InferenceEmulator.DEFAULT_API_KEY);
    }

    public EmulatorExtension(String apiKey, FaultRule... startupFaults) {
        this(InferenceEmulator.builder().apiKey(apiKey), startupFaults);
    }

    /** Full control over the emulator (the builder's default port is 0: a free port). */
    public EmulatorExtension(InferenceEmulator.Builder builder, FaultRule... startupFaults) {
        this.builder = builder.fault(startupFaults);
    }

    /** Customise the builder before the emulator starts, e.g. {@code b -> b.slowModelMillis(200)}. */
    public static EmulatorExtension with(Consumer<InferenceEmulator.Builder> customizer) {
        InferenceEmulator.Builder b = InferenceEmulator.builder();
        customizer.accept(b);
        return new EmulatorExtension(b);
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (depth++ == 0) {
            emulator = builder.build().start();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (--depth == 0 && emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        InferenceEmulator e = emulator();
        e.reset();
        e.faults().addAll(e.startupFaults());
    }

    public InferenceEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator is not running (register the extension with @RegisterExtension on a static field)");
        }
        return emulator;
    }

    public String baseUrl() {
        return emulator().baseUrl();
    }

    public int port() {
        return emulator().port();
    }

    public String apiKey() {
        return emulator().apiKey();
    }

    public EmulatorStats stats() {
        return emulator().stats();
    }

    public FaultPlan faults() {
        return emulator().faults();
    }

    public List<SinkDelivery> sink(String name) {
        return emulator().sink(name);
    }

    public String sinkUrl(String name) {
        return emulator().sinkUrl(name);
    }

    public void reset() {
        emulator().reset();
    }
}

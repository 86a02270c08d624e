package io.camelinference.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import io.camelinference.emulator.internal.DaemonThreads;
import io.camelinference.emulator.internal.FileTrees;
import io.camelinference.emulator.internal.PathPrefixes;
import io.camelinference.emulator.internal.Router;
import io.camelinference.emulator.spi.EmulatorProvider;
import io.camelinference.emulator.spi.JobRegistry;

/**
 * A local emulator of model-inference SaaS APIs: one HTTP server on 127.0.0.1, every provider under its real paths, a
 * control API under {@code /_emulator/}.
 *
 * <pre>{@code
 * try (InferenceEmulator emu = InferenceEmulator.builder().port(0).apiKey("k").build().start()) {
 *     String base = emu.baseUrl();   // http://127.0.0.1:PORT
 * }
 * }</pre>
 *
 * This class is the facade: the work is done by {@code HttpDispatcher} (routing, auth hook, replies),
 * {@code FaultInjector}, {@code ControlApi} and the providers; {@link EmulatorMain} is the command line.
 */
public final class InferenceEmulator implements AutoCloseable {

    public static final String DEFAULT_API_KEY = "emulator-key";
    public static final int DEFAULT_PORT = 8787;
    public static final long DEFAULT_SLOW_MODEL_MILLIS = 1500;
    /** Default worker threads of the HTTP server ({@link Builder#threads}). */
    public static final int DEFAULT_THREADS = 32;
    public static final String CONTROL = "_emulator";

    private final int requestedPort;
    private final String apiKey;
    private final long slowModelMillis;
    private final int threads;
    private final List<FaultRule> startupFaults;
    private final Map<String, EmulatorProvider> providers = new LinkedHashMap<>();

    private final Router router = new Router();
    private final FaultPlan faults = new FaultPlan();
    private final WebhookSinks sinks = new WebhookSinks();
    private final ScheduledExecutorService scheduler;
    private final JobRegistry jobs;
    private final EmulatorStats stats;
    private final HttpDispatcher dispatcher;

    private volatile EmulatorServer server;
    private volatile String baseUrl;
    private volatile int port = -1;
    private Path tempDir;

    private InferenceEmulator(Builder b) {
        this.requestedPort = b.port;
        this.apiKey = b.apiKey;
        this.slowModelMillis = b.slowModelMillis;
        this.threads = b.threads;
        this.startupFaults = List.copyOf(b.faults);
        this.scheduler = new ScheduledThreadPoolExecutor(2, DaemonThreads.named("inference-emulator-scheduler"));
        this.jobs = new JobRegistry(scheduler);
        this.stats = new EmulatorStats(jobs);
        if (b.discoverProviders) {
            for (EmulatorProvider p : ServiceLoader.load(EmulatorProvider.class, InferenceEmulator.class.getClassLoader())) {
                providers.put(p.name(), p);
            }
        }
        for (EmulatorProvider p : b.providers) {
            providers.put(p.name(), p);
        }
        new ControlApi(this, router, sinks).register();
        CallbackClient callbacks = new CallbackClient();
        PathPrefixes<EmulatorProvider> owners = new PathPrefixes<>();
        for (EmulatorProvider p : providers.values()) {
            p.register(new ProviderContext(p.name(), this, router, callbacks));
            p.pathPrefixes().forEach(prefix -> owners.add(prefix, p));
        }
        this.dispatcher = new HttpDispatcher(router, providers, owners, new FaultInjector(faults), stats,
                () -> baseUrl);
        faults.addAll(startupFaults);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the HTTP server (bound to 127.0.0.1). Returns this. */
    public synchronized InferenceEmulator start() {
        if (server != null) {
            return this;
        }
        try {
            tempDir = Files.createTempDirectory("inference-emulator-");
            EmulatorServer s = EmulatorServer.bind(requestedPort, threads, dispatcher::dispatch);
            // known before the first call is accepted: handlers render absolute URLs from it
            this.port = s.port();
            this.baseUrl = "http://127.0.0.1:" + port;
            s.start();
            this.server = s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the inference emulator on port " + requestedPort, e);
        }
        return this;
    }

    /** e.g. {@code http://127.0.0.1:8787}. */
    public String baseUrl() {
        requireStarted();
        return baseUrl;
    }

    public int port() {
        requireStarted();
        return port;
    }

    public String apiKey() {
        return apiKey;
    }

    public long slowModelMillis() {
        return slowModelMillis;
    }

    public boolean isRunning() {
        return server != null;
    }

    public EmulatorStats stats() {
        return stats;
    }

    /** The live fault plan: add or clear rules at run time. */
    public FaultPlan faults() {
        return faults;
    }

    /** The faults given at build time ({@link Builder#fault}). */
    public List<FaultRule> startupFaults() {
        return startupFaults;
    }

    public JobRegistry jobs() {
        return jobs;
    }

    /** Names of the registered providers. */
    public List<String> providers() {
        return new ArrayList<>(providers.keySet());
    }

    /** Deliveries received by the webhook sink {@code name}, oldest first. */
    public List<SinkDelivery> sink(String name) {
        return sinks.get(name);
    }

    /** The absolute URL of the webhook sink {@code name} on this emulator. */
    public String sinkUrl(String name) {
        return baseUrl() + "/_emulator/sink/" + name;
    }

    /**
     * Waits until the sink has at least {@code count} deliveries; returns them (possibly fewer at timeout). Each
     * delivery wakes the waiter, so it returns as soon as the last one arrives.
     */
    public List<SinkDelivery> awaitSink(String name, int count, Duration timeout) throws InterruptedException {
        return sinks.await(name, count, timeout);
    }

    /** Clears stats, faults, jobs, uploads and sinks. */
    public void reset() {
        stats.clear();
        faults.clear();
        jobs.clear();
        sinks.clear();
        for (EmulatorProvider p : providers.values()) {
            p.reset();
        }
    }

    @Override
    public synchronized void close() {
        EmulatorServer s = server;
        server = null;
        if (s != null) {
            s.stop();
        }
        scheduler.shutdownNow();
        for (EmulatorProvider p : providers.values()) {
            try {
                p.close();
            } catch (RuntimeException ignored) {
                // best effort: the other providers still close
            }
        }
        if (tempDir != null) {
            FileTrees.deleteTree(tempDir);
        }
    }

    /** The per-emulator scratch directory, for {@link ProviderContext#tempDir()}. */
    Path tempDir() {
        requireStarted();
        return tempDir;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    private void requireStarted() {
        if (baseUrl == null) {
            throw new IllegalStateException("the emulator is not started");
        }
    }

    /** Runs the command line ({@link EmulatorMain}); kept so that {@code java -cp ... InferenceEmulator} still works. */
    public static void main(String[] args) throws Exception {
        EmulatorMain.main(args);
    }

    /** Builder; {@link #build()} registers the providers, {@link InferenceEmulator#start()} binds the port. */
    public static final class Builder {
        private int port = 0;
        private String apiKey = DEFAULT_API_KEY;
        private long slowModelMillis = DEFAULT_SLOW_MODEL_MILLIS;
        private int threads = DEFAULT_THREADS;
        private final List<FaultRule> faults = new ArrayList<>();
        private final List<EmulatorProvider> providers = new ArrayList<>();
        private boolean discoverProviders = true;

        /** 0 (the default for the builder) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder fault(FaultRule... rules) {
            faults.addAll(List.of(rules));
            return this;
        }

        public Builder faults(List<FaultRule> rules) {
            faults.addAll(rules);
            return this;
        }

        public Builder slowModelMillis(long millis) {
            this.slowModelMillis = millis;
            return this;
        }

        /** Worker threads of the HTTP server (default {@value InferenceEmulator#DEFAULT_THREADS}). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Adds (or replaces, by name) a provider. */
        public Builder provider(EmulatorProvider provider) {
            providers.add(provider);
            return this;
        }

        /** Whether to load providers with ServiceLoader (default true). */
        public Builder discoverProviders(boolean discover) {
            this.discoverProviders = discover;
            return this;
        }

        public InferenceEmulator build() {
            return new InferenceEmulator(this);
        }

        /** {@code build().start()}. */
        public InferenceEmulator start() {
            return build().start();
        }
    }
}

package io.camelinference.common.component;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import io.camelinference.common.http.AuthStrategy;
import io.camelinference.common.http.HttpClientRegistry;
import io.camelinference.common.http.HttpTimeouts;
import io.camelinference.common.http.InferenceHttpClient;
import io.camelinference.common.http.RequestGate;
import io.camelinference.common.http.StatusCheckPacer;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;

/**
 * What one component instance runs on: a small scheduler for retry delays and job checks, a pool that continues work
 * after an answer arrives (so neither parsing nor route steps run on HttpClient's I/O threads), its HTTP clients and
 * the admission gate of each service origin. Started and stopped with the component.
 */
public final class InferenceRuntime implements AutoCloseable {

    /** Threads that continue finished exchanges' routes (route steps may block, e.g. writing files). */
    public static final int COMPLETION_THREADS = 10;

    /** Set on completion threads, so work already on one continues inline instead of hopping again. */
    private static final ThreadLocal<Boolean> ON_COMPLETION_THREAD = new ThreadLocal<>();

    private final CamelContext camelContext;
    private final String name;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService completions;
    private final HttpClientRegistry clients;
    private final Map<String, RequestGate> gates = new ConcurrentHashMap<>();
    private final Map<String, StatusCheckPacer> statusPacers = new ConcurrentHashMap<>();
    private final Path tempDirectory;

    public InferenceRuntime(CamelContext camelContext, Object owner, String name) {
        this.camelContext = camelContext;
        this.name = name;
        ExecutorServiceManager executors = camelContext.getExecutorServiceManager();
        // One thread carries thousands of pending jobs: it only starts asynchronous checks. Its queue must be
        // unbounded: Camel's default profile allows 1,000 queued tasks, which would cap the pending jobs at 1,000.
        this.scheduler = executors.newScheduledThreadPool(owner, name + "Scheduler",
                unboundedProfile(name + "Scheduler", 1));
        // Unbounded too: with the default profile's caller-runs policy, a burst of finished exchanges would continue
        // their routes on HttpClient's I/O threads.
        this.completions = executors.newThreadPool(owner, name + "Completion",
                unboundedProfile(name + "Completion", COMPLETION_THREADS));
        this.clients = new HttpClientRegistry(camelContext, "camel-inference/" + name);
        this.tempDirectory = Paths.get(System.getProperty("java.io.tmpdir"), "camel-" + name.toLowerCase(Locale.ROOT));
    }

    private static ThreadPoolProfile unboundedProfile(String id, int threads) {
        ThreadPoolProfile profile = new ThreadPoolProfile(id);
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        // a positive bound that is never reached: Camel turns 0 or -1 into a SynchronousQueue for plain pools
        profile.setMaxQueueSize(Integer.MAX_VALUE);
        return profile;
    }

    public CamelContext camelContext() {
        return camelContext;
    }

    /**
     * Where the component spools streams of unknown length and puts downloads nobody asked to keep, e.g.
     * {@code /tmp/camel-unitypredict}. Created by whoever writes into it.
     */
    public Path tempDirectory() {
        return tempDirectory;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /**
     * Runs the task on a completion thread: inline when the caller already is one, else handed to the pool (inline when
     * the pool no longer takes work because the component is stopping).
     */
    public Consumer<Runnable> continuation() {
        return this::continueWith;
    }

    public void continueWith(Runnable task) {
        if (Boolean.TRUE.equals(ON_COMPLETION_THREAD.get())) {
            task.run();
            return;
        }
        try {
            completions.execute(() -> {
                ON_COMPLETION_THREAD.set(Boolean.TRUE);
                task.run();
            });
        } catch (RejectedExecutionException stopping) {
            task.run();
        }
    }

    /**
     * The pace of status checks to one service (base URL) at one rate: endpoints that agree on both share it, so their
     * checks together stay within the rate; an endpoint with a rate of its own gets a pace of its own.
     */
    StatusCheckPacer statusPacer(InferenceConfiguration configuration) {
        return statusPacers.computeIfAbsent(configuration.getBaseUrl() + " " + configuration.getMaxStatusChecksPerSecond(),
                k -> new StatusCheckPacer(configuration.getMaxStatusChecksPerSecond()));
    }

    /** An API client for one endpoint's configuration and credential. */
    public InferenceHttpClient httpClient(String provider, InferenceConfiguration configuration, AuthStrategy auth) {
        int maxInFlight = configuration.getMaxInFlight() > 0 ? configuration.getMaxInFlight()
                : configuration.getMaxConnections();
        RequestGate gate = gates.computeIfAbsent(provider + " " + configuration.getBaseUrl(),
                k -> new RequestGate(provider, maxInFlight, Duration.ofMillis(configuration.getRetryInitialDelay()),
                        Duration.ofMillis(configuration.getRetryMaxDelay()), scheduler));
        return new InferenceHttpClient(provider, clients.client(configuration.transportSettings()),
                configuration.getBaseUrl(), auth, configuration.retryPolicy(),
                new HttpTimeouts(Duration.ofMillis(configuration.getRequestTimeout()),
                        Duration.ofMillis(configuration.getTransferTimeout()),
                        Duration.ofMillis(configuration.getMaxRateLimitWait())),
                gate, scheduler, continuation(), statusPacer(configuration));
    }

    @Override
    public void close() {
        clients.close();
        ExecutorServiceManager executors = camelContext.getExecutorServiceManager();
        executors.shutdownNow(scheduler);
        executors.shutdown(completions);
    }

    @Override
    public String toString() {
        return "InferenceRuntime[" + name + "]";
    }
}

package io.camelinference.common.component;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.camelinference.common.http.AuthStrategy;
import io.camelinference.common.http.HttpClientRegistry;
import io.camelinference.common.http.InferenceHttpClient;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;

/**
 * What one component instance runs on: a small scheduler for retry delays and job checks, a pool that hands finished
 * exchanges back to the route (so route steps never run on HttpClient's I/O threads), and its HTTP clients.
 * Started and stopped with the component.
 */
public final class InferenceRuntime implements AutoCloseable {

    private final CamelContext camelContext;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService completions;
    private final HttpClientRegistry clients;

    public InferenceRuntime(CamelContext camelContext, Object owner, String name) {
        this.camelContext = camelContext;
        ExecutorServiceManager executors = camelContext.getExecutorServiceManager();
        // one thread carries thousands of pending jobs: it only starts asynchronous checks
        this.scheduler = executors.newScheduledThreadPool(owner, name + "Scheduler", 1);
        this.completions = executors.newDefaultThreadPool(owner, name + "Completion");
        this.clients = new HttpClientRegistry(camelContext, "camel-inference/" + name);
    }

    public CamelContext camelContext() {
        return camelContext;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public ExecutorService completions() {
        return completions;
    }

    /** An API client for one endpoint's configuration, on the pooled client its transport settings select. */
    public InferenceHttpClient httpClient(String provider, InferenceConfiguration configuration, AuthStrategy auth) {
        return new InferenceHttpClient(provider, clients.client(configuration.transportSettings()),
                configuration.getBaseUrl(), auth, configuration.retryPolicy(), scheduler,
                Duration.ofMillis(configuration.getResponseTimeout()));
    }

    @Override
    public void close() {
        clients.close();
        ExecutorServiceManager executors = camelContext.getExecutorServiceManager();
        executors.shutdownNow(scheduler);
        executors.shutdown(completions);
    }
}

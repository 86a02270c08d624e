package io.camelinference.common.component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

import io.camelinference.common.error.Failures;
import io.camelinference.common.poll.JobPoller;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * An asynchronous producer: {@link #process(Exchange, AsyncCallback)} starts the work and returns {@code false}; the
 * exchange continues on the runtime's completion pool when the work's future completes. No thread waits in between.
 * Stopping the producer stops waiting for its pending jobs.
 */
public abstract class InferenceProducerSupport extends DefaultAsyncProducer {

    private final InferenceRuntime runtime;
    private final JobPoller poller;

    protected InferenceProducerSupport(Endpoint endpoint, InferenceRuntime runtime, String provider) {
        super(endpoint);
        this.runtime = runtime;
        this.poller = new JobPoller(provider, runtime.scheduler());
    }

    /** Starts the operation for this exchange; the future completes when its body and headers are set. */
    protected abstract CompletableFuture<?> start(Exchange exchange) throws Exception;

    protected JobPoller poller() {
        return poller;
    }

    protected InferenceRuntime runtime() {
        return runtime;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> work;
        try {
            work = start(exchange);
        } catch (Exception e) {
            // bad input is reported synchronously: nothing was sent
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        work.whenComplete((ignored, error) -> {
            Runnable finish = () -> {
                if (error != null) {
                    exchange.setException(Failures.cause(error));
                }
                callback.done(false);
            };
            try {
                runtime.completions().execute(finish);
            } catch (RejectedExecutionException stopping) {
                finish.run();
            }
        });
        return false;
    }

    @Override
    protected void doStop() throws Exception {
        poller.cancelAll("the producer of " + getEndpoint() + " is stopping");
        super.doStop();
    }
}

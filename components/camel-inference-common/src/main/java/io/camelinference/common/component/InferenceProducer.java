package io.camelinference.common.component;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.camelinference.common.billing.Billing;
import io.camelinference.common.error.Failures;
import io.camelinference.common.http.InferenceHttpClient;
import io.camelinference.common.job.ResumableJobs;
import io.camelinference.common.job.ResumableRequest;
import io.camelinference.common.metrics.MeteredOperation;
import io.camelinference.common.operation.Binding;
import io.camelinference.common.operation.BoundOperation;
import io.camelinference.common.operation.Operation;
import io.camelinference.common.operation.OperationNames;
import io.camelinference.common.operation.UriOperation;
import io.camelinference.common.poll.JobPoller;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The producer every component uses: picks the operation (the endpoint's, or the operation header's), lets its
 * {@link Binding} read the exchange into a typed request (bad input fails here, synchronously, before anything is
 * sent), starts the {@link Operation}, and when its future completes writes the result back through the binding on a
 * completion thread and continues the route. {@code process} returns {@code false}: no thread waits in between.
 * Every call is measured in the component's metrics, and a billed one (bound with a {@link Billing}) is checked against
 * the endpoint's spend budget before it starts.
 * <p>
 * A component's producer only binds its operations in its constructor:
 * <pre>{@code
 * bind(UnityPredictOperation.status, UnityPredictBindings.status(), new StatusOperation(client));
 * }</pre>
 *
 * @param <O> the component's operation enum
 */
public class InferenceProducer<O extends Enum<O> & UriOperation> extends DefaultAsyncProducer {

    private final InferenceEndpointSupport endpoint;
    private final Class<O> operationType;
    private final String operationHeader;
    private final O endpointOperation;
    private final Map<O, BoundOperation<?, ?>> operations;
    private final JobPoller poller;
    private AutoCloseable pendingGauge;

    protected InferenceProducer(InferenceEndpointSupport endpoint, Class<O> operationType, String operationHeader,
                                O endpointOperation) {
        super(endpoint);
        this.endpoint = endpoint;
        this.operationType = operationType;
        this.operationHeader = operationHeader;
        this.endpointOperation = endpointOperation;
        this.operations = new EnumMap<>(operationType);
        this.poller = new JobPoller(endpoint.service().scheme(), endpoint.runtime().scheduler());
    }

    /** Registers what the producer runs for an operation that bills nothing. */
    protected <I, R> void bind(O operation, Binding<I, R> binding, Operation<I, R> work) {
        bind(operation, binding, work, null);
    }

    /**
     * Registers what the producer runs for an operation, and what its calls bill: the billed meter counts it, and the
     * endpoint's spend budget refuses a call that would pass its limit before anything is sent.
     */
    protected <I, R> void bind(O operation, Binding<I, R> binding, Operation<I, R> work, Billing<I, R> billing) {
        operations.put(operation, BoundOperation.of(binding, new MeteredOperation<>(operation.uriName(), work, billing,
                endpoint.getComponent()::metrics, endpoint::spendBudget)));
    }

    protected InferenceHttpClient http() {
        return endpoint.http();
    }

    protected JobPoller poller() {
        return poller;
    }

    /** The endpoint's resumable jobs (available once the endpoint started, which precedes its producers). */
    protected ResumableJobs jobs() {
        return endpoint.jobs();
    }

    protected InferenceRuntime runtime() {
        return endpoint.runtime();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        BoundOperation<?, ?> bound;
        Object request;
        CompletableFuture<?> work;
        String name = endpointOperation.uriName();
        try {
            O operation = OperationNames.of(exchange.getMessage(), operationHeader, endpointOperation, operationType,
                    endpoint.service().scheme());
            name = operation.uriName();
            bound = operations.get(operation);
            if (bound == null) {
                throw new IllegalArgumentException(endpoint.service().scheme() + ":" + operation.uriName()
                        + " has no producer; use it in from(...)");
            }
            request = bound.read(exchange);
            work = bound.execute(request);
        } catch (Exception e) {
            // bad input (or a spend limit) is reported synchronously: nothing was sent
            endpoint.getComponent().metrics().request(name, -1, e);
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        BoundOperation<?, ?> chosen = bound;
        Object read = request;
        // the runtime of now: asking the component when the work ends would build a new one (threads nobody stops)
        // for work that ends after the component stopped
        InferenceRuntime runtime = endpoint.runtime();
        work.whenComplete((result, error) -> runtime.continueWith(() -> {
            try {
                if (error != null) {
                    Throwable cause = Failures.cause(error);
                    exchange.setException(cause);
                    chosen.failed(exchange, read, cause);
                } else {
                    chosen.write(exchange, read, result);
                    releaseJobsOnCompletion(exchange, read);
                }
            } catch (RuntimeException e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        }));
        return false;
    }

    /** Finished jobs are forgotten when the exchange completes: until then a crash must still find them. */
    private void releaseJobsOnCompletion(Exchange exchange, Object request) {
        if (request instanceof ResumableRequest resumable && !resumable.jobKeys().isEmpty()) {
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onComplete(Exchange completed) {
                    resumable.jobKeys().forEach(endpoint.jobs()::release);
                }
            });
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        pendingGauge = endpoint.getComponent().metrics().watch(endpointOperation.uriName(), poller);
    }

    @Override
    protected void doStop() throws Exception {
        poller.cancelAll("the producer of " + getEndpoint() + " is stopping");
        if (pendingGauge != null) {
            pendingGauge.close();
        }
        super.doStop();
    }
}

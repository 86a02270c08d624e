package io.camelinference.unitypredict;

import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.component.InferenceEndpointSupport;
import io.camelinference.unitypredict.consumer.CallbackConsumer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Runs UnityPredict models: predict (file inputs uploaded, long jobs waited for without holding a thread, resumed
 * after a restart), status and download; and, as unitypredict:callback in from(...), receives the service's
 * CallbackUrl POSTs, so a route continues when a job ends without polling.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "unitypredict", title = "UnityPredict",
             syntax = "unitypredict:operation", category = { Category.AI },
             headersClass = UnityPredictConstants.class)
// the consumer is served over HTTP, not polled
@Metadata(excludeProperties = UnityPredictEndpoint.NOT_APPLICABLE)
public class UnityPredictEndpoint extends InferenceEndpointSupport {

    static final String NOT_APPLICABLE = "backoffErrorThreshold,backoffIdleThreshold,backoffMultiplier,delay,greedy,"
            + "initialDelay,repeatCount,runLoggingLevel,scheduledExecutorService,scheduler,schedulerProperties,"
            + "startScheduler,timeUnit,useFixedDelay,sendEmptyMessageWhenIdle,pollStrategy";

    /** The operation to perform. */
    @UriPath(enums = UnityPredictOperation.NAMES)
    @Metadata(required = true)
    private UnityPredictOperation operation;

    @UriParam
    private UnityPredictConfiguration configuration;

    public UnityPredictEndpoint(String uri, UnityPredictComponent component, UnityPredictOperation operation,
                                UnityPredictConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        if (operation == UnityPredictOperation.callback) {
            throw new UnsupportedOperationException("unitypredict:callback is a consumer: use it in from(...); it"
                    + " receives the CallbackUrl POSTs of unitypredict:predict");
        }
        return new UnityPredictProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != UnityPredictOperation.callback) {
            throw new UnsupportedOperationException("unitypredict:" + operation + " has no consumer: use it in"
                    + " to(...); the consumer is unitypredict:callback");
        }
        CallbackConsumer consumer = new CallbackConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public InferenceConfiguration configuration() {
        return configuration;
    }

    @Override
    public String jobKeyHeader() {
        return UnityPredictConstants.JOB_KEY;
    }

    public UnityPredictOperation getOperation() {
        return operation;
    }

    public void setOperation(UnityPredictOperation operation) {
        this.operation = operation;
    }

    public UnityPredictConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(UnityPredictConfiguration configuration) {
        this.configuration = configuration;
    }
}

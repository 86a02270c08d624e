package io.camelinference.unitypredict;

import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.component.InferenceEndpointSupport;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Runs UnityPredict models: {@code predict} (file inputs uploaded, long jobs waited for without holding a thread,
 * resumed after a restart), {@code status} and {@code download}.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "unitypredict", title = "UnityPredict",
             syntax = "unitypredict:operation", producerOnly = true, category = { Category.AI },
             headersClass = UnityPredictConstants.class)
public class UnityPredictEndpoint extends InferenceEndpointSupport {

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
        return new UnityPredictProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("unitypredict:" + operation + " has no consumer: use it in to(...)");
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

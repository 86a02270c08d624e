package io.camelinference.unitypredict;

import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.component.InferenceEndpointSupport;
import org.apache.camel.Category;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Runs UnityPredict models: {@code predict} (with file inputs uploaded and long jobs waited for without blocking a
 * thread), {@code status} and {@code download}.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "unitypredict", title = "UnityPredict",
             syntax = "unitypredict:operation", producerOnly = true, category = { Category.AI },
             headersClass = UnityPredictConstants.class)
public class UnityPredictEndpoint extends InferenceEndpointSupport {

    /** The operation to perform. */
    @UriPath
    @Metadata(required = true, enums = "predict,status,download")
    private UnityPredictOperation operation;

    @UriParam
    private UnityPredictConfiguration configuration;

    public UnityPredictEndpoint(String uri, UnityPredictComponent component, UnityPredictOperation operation,
                                UnityPredictConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    /** Fails endpoint creation when an option the operation needs is missing. */
    void validate() {
        if (operation == UnityPredictOperation.predict
                && (configuration.getModelId() == null || configuration.getModelId().isBlank())) {
            throw new IllegalArgumentException("unitypredict:predict needs a modelId: the id of the UnityPredict model"
                    + " to run, e.g. unitypredict:predict?modelId=<model-id> (the CamelUnityPredictModelId header"
                    + " can override it per message)");
        }
        if (configuration.getBaseUrl() == null || configuration.getBaseUrl().isBlank()) {
            throw new IllegalArgumentException("unitypredict needs a baseUrl, e.g. " + UnityPredictConfiguration.DEFAULT_BASE_URL);
        }
    }

    @Override
    public Producer createProducer() {
        return new UnityPredictProducer(this, getComponent().runtime());
    }

    @Override
    public UnityPredictComponent getComponent() {
        return (UnityPredictComponent) super.getComponent();
    }

    @Override
    protected InferenceConfiguration configuration() {
        return configuration;
    }

    @Override
    protected String jobKeyHeader() {
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

package io.camelinference.unitypredict;

import io.camelinference.common.state.PendingJobs;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Runs UnityPredict models: {@code predict} (with file inputs uploaded and long jobs waited for without blocking a
 * thread), {@code status} and {@code download}.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "unitypredict", title = "UnityPredict",
             syntax = "unitypredict:operation", producerOnly = true, category = { Category.AI },
             headersClass = UnityPredictConstants.class)
public class UnityPredictEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    /** The operation to perform. */
    @UriPath
    @Metadata(required = true, enums = "predict,status,download")
    private UnityPredictOperation operation;

    @UriParam
    private UnityPredictConfiguration configuration;

    private PendingJobs pendingJobs;

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
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("unitypredict endpoints are producers only: use to(\"unitypredict:...\")");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        pendingJobs = new PendingJobs(configuration.getStateRepository(), UnityPredictConstants.JOB_KEY);
        ServiceHelper.startService(pendingJobs.repository());
    }

    @Override
    protected void doStop() throws Exception {
        if (configuration.getStateRepository() == null && pendingJobs != null) {
            ServiceHelper.stopService(pendingJobs.repository());
        }
        super.doStop();
    }

    @Override
    public UnityPredictComponent getComponent() {
        return (UnityPredictComponent) super.getComponent();
    }

    PendingJobs pendingJobs() {
        return pendingJobs;
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

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }
}

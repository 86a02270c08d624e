package io.camelinference.unitypredict;

import java.util.Map;

import io.camelinference.common.component.ApiKeys;
import io.camelinference.common.component.InferenceRuntime;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code unitypredict:} component. Options set here (e.g. {@code camel.component.unitypredict.api-key}) are
 * copied into every endpoint, where URI options override them.
 */
@Component("unitypredict")
public class UnityPredictComponent extends HealthCheckComponent {

    /** The component-level configuration, copied into each endpoint. */
    @Metadata
    private UnityPredictConfiguration configuration = new UnityPredictConfiguration();

    private InferenceRuntime runtime;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        UnityPredictOperation operation = parseOperation(remaining);
        UnityPredictConfiguration endpointConfiguration = configuration.copy();
        UnityPredictEndpoint endpoint = new UnityPredictEndpoint(uri, this, operation, endpointConfiguration);
        setProperties(endpoint, parameters);
        endpointConfiguration.setApiKey(ApiKeys.resolve(endpointConfiguration.getApiKey(),
                UnityPredictConfiguration.API_KEY_ENV, "unitypredict"));
        endpoint.validate();
        return endpoint;
    }

    private static UnityPredictOperation parseOperation(String remaining) {
        try {
            return UnityPredictOperation.valueOf(remaining);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown unitypredict operation '" + remaining
                    + "': expected one of predict, status, download (e.g. unitypredict:predict?modelId=...)");
        }
    }

    /** The scheduler, completion pool and HTTP clients of this component, started on first use. */
    synchronized InferenceRuntime runtime() {
        if (runtime == null) {
            runtime = new InferenceRuntime(getCamelContext(), this, "UnityPredict");
        }
        return runtime;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
        super.doStop();
    }

    public UnityPredictConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(UnityPredictConfiguration configuration) {
        this.configuration = configuration;
    }
}

package io.camelinference.unitypredict;

import java.util.Map;

import io.camelinference.common.component.InferenceComponentSupport;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code unitypredict:} component. Options set here (e.g. {@code camel.component.unitypredict.api-key}) are
 * copied into every endpoint, where URI options override them.
 */
@Component("unitypredict")
public class UnityPredictComponent extends InferenceComponentSupport {

    /** The component-level configuration, copied into each endpoint. */
    @Metadata
    private UnityPredictConfiguration configuration = new UnityPredictConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        UnityPredictOperation operation = parseOperation(UnityPredictOperation.class, "unitypredict", remaining);
        UnityPredictConfiguration endpointConfiguration = configuration.copy();
        UnityPredictEndpoint endpoint = new UnityPredictEndpoint(uri, this, operation, endpointConfiguration);
        setProperties(endpoint, parameters);
        resolveApiKey(endpointConfiguration, UnityPredictConfiguration.API_KEY_ENV, "unitypredict");
        endpoint.validate();
        return endpoint;
    }

    @Override
    protected String runtimeName() {
        return "UnityPredict";
    }

    public UnityPredictConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(UnityPredictConfiguration configuration) {
        this.configuration = configuration;
    }
}

package io.camelinference.unitypredict;

import java.util.Map;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.component.InferenceService;
import io.camelinference.common.operation.OperationNames;
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
        UnityPredictOperation operation = OperationNames.parse(UnityPredictOperation.class, "unitypredict", remaining);
        UnityPredictConfiguration endpointConfiguration = configuration.copy();
        UnityPredictEndpoint endpoint = new UnityPredictEndpoint(uri, this, operation, endpointConfiguration);
        setProperties(endpoint, parameters);
        prepare(endpointConfiguration);
        return endpoint;
    }

    @Override
    public InferenceService service() {
        return UnityPredictService.SERVICE;
    }

    @Override
    public InferenceConfiguration componentConfiguration() {
        return configuration;
    }

    public UnityPredictConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(UnityPredictConfiguration configuration) {
        this.configuration = configuration;
    }
}

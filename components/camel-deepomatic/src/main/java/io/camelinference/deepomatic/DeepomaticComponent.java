package io.camelinference.deepomatic;

import java.util.Map;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.component.InferenceService;
import io.camelinference.common.operation.OperationNames;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code deepomatic:} component. Options set here (e.g. {@code camel.component.deepomatic.api-key}) are copied
 * into every endpoint, where URI options override them.
 */
@Component("deepomatic")
public class DeepomaticComponent extends InferenceComponentSupport {

    /** The component-level configuration, copied into each endpoint. */
    @Metadata
    private DeepomaticConfiguration configuration = new DeepomaticConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        DeepomaticOperation operation = OperationNames.parse(DeepomaticOperation.class, "deepomatic", remaining);
        DeepomaticConfiguration endpointConfiguration = configuration.copy();
        DeepomaticEndpoint endpoint = new DeepomaticEndpoint(uri, this, operation, endpointConfiguration);
        setProperties(endpoint, parameters);
        prepare(endpointConfiguration);
        endpointConfiguration.validateOwnOptions();
        return endpoint;
    }

    @Override
    public InferenceService service() {
        return DeepomaticService.SERVICE;
    }

    @Override
    public InferenceConfiguration componentConfiguration() {
        return configuration;
    }

    public DeepomaticConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(DeepomaticConfiguration configuration) {
        this.configuration = configuration;
    }
}

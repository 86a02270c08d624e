package io.camelinference.commsmining;

import java.util.Map;

import io.camelinference.commsmining.binding.RequestOptions;
import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.component.InferenceService;
import io.camelinference.common.operation.OperationNames;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code commsmining:} component. Options set here (e.g. {@code camel.component.commsmining.base-url} and
 * {@code .api-key}) are copied into every endpoint, where URI options override them.
 */
@Component("commsmining")
public class CommsMiningComponent extends InferenceComponentSupport {

    /** The component-level configuration, copied into each endpoint. */
    @Metadata
    private CommsMiningConfiguration configuration = new CommsMiningConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        CommsMiningOperation operation = OperationNames.parse(CommsMiningOperation.class, "commsmining", remaining);
        CommsMiningConfiguration endpointConfiguration = configuration.copy();
        CommsMiningEndpoint endpoint = new CommsMiningEndpoint(uri, this, operation, endpointConfiguration);
        setProperties(endpoint, parameters);
        if (endpointConfiguration.getBaseUrl() == null || endpointConfiguration.getBaseUrl().isBlank()) {
            throw new IllegalArgumentException("commsmining needs a baseUrl: your tenant's API address, e.g."
                    + " https://<tenant>.reinfer.io or, on UiPath Automation Cloud,"
                    + " https://cloud.uipath.com/<organisation>/<tenant>/reinfer_ (set the option baseUrl or"
                    + " camel.component.commsmining.base-url)");
        }
        prepare(endpointConfiguration);
        RequestOptions.validate(endpointConfiguration);
        return endpoint;
    }

    @Override
    public InferenceService service() {
        return CommsMiningService.SERVICE;
    }

    @Override
    public InferenceConfiguration componentConfiguration() {
        return configuration;
    }

    public CommsMiningConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(CommsMiningConfiguration configuration) {
        this.configuration = configuration;
    }
}

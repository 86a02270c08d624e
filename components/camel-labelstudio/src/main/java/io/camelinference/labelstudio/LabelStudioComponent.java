package io.camelinference.labelstudio;

import java.util.Map;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.component.InferenceService;
import io.camelinference.common.operation.OperationNames;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code labelstudio:} component. Options set here (e.g. {@code camel.component.labelstudio.base-url} and
 * {@code api-key}) are copied into every endpoint, where URI options override them.
 */
@Component("labelstudio")
public class LabelStudioComponent extends InferenceComponentSupport {

    /** The component-level configuration, copied into each endpoint. */
    @Metadata
    private LabelStudioConfiguration configuration = new LabelStudioConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        LabelStudioOperation operation = OperationNames.parse(LabelStudioOperation.class, "labelstudio", remaining);
        LabelStudioConfiguration endpointConfiguration = configuration.copy();
        LabelStudioEndpoint endpoint = new LabelStudioEndpoint(uri, this, operation, endpointConfiguration);
        setProperties(endpoint, parameters);
        String baseUrl = endpointConfiguration.getBaseUrl();
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("labelstudio needs baseUrl: the address of your Label Studio server, e.g. "
                    + LabelStudioService.LOCAL_BASE_URL + " (set the option baseUrl or"
                    + " camel.component.labelstudio.base-url)");
        }
        prepare(endpointConfiguration);
        checkOwnOptions(endpointConfiguration);
        return endpoint;
    }

    private static void checkOwnOptions(LabelStudioConfiguration c) {
        if (c.getPageSize() < 1 || c.getPageSize() > 10_000) {
            throw new IllegalArgumentException("labelstudio option pageSize must be 1 to 10000, was " + c.getPageSize());
        }
        if (c.getMaxConcurrentTasks() < 1) {
            throw new IllegalArgumentException("labelstudio option maxConcurrentTasks must be at least 1, was "
                    + c.getMaxConcurrentTasks());
        }
        boolean user = c.getBasicAuthUser() != null && !c.getBasicAuthUser().isEmpty();
        boolean password = c.getBasicAuthPassword() != null && !c.getBasicAuthPassword().isEmpty();
        if (user != password) {
            throw new IllegalArgumentException("labelstudio: set both basicAuthUser and basicAuthPassword (Label Studio"
                    + " sends both), or neither");
        }
    }

    @Override
    public InferenceService service() {
        return LabelStudioService.SERVICE;
    }

    @Override
    public InferenceConfiguration componentConfiguration() {
        return configuration;
    }

    public LabelStudioConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(LabelStudioConfiguration configuration) {
        this.configuration = configuration;
    }
}

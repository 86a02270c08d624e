package io.camelinference.annolab;

import java.util.Map;

import io.camelinference.common.component.InferenceComponentSupport;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code annolab:} component. Options set here (e.g. {@code camel.component.annolab.api-key}) are copied into
 * every endpoint, where URI options override them.
 */
@Component("annolab")
public class AnnoLabComponent extends InferenceComponentSupport {

    /** The component-level configuration, copied into each endpoint. */
    @Metadata
    private AnnoLabConfiguration configuration = new AnnoLabConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AnnoLabOperation operation = AnnoLabOperation.fromUri(remaining);
        AnnoLabConfiguration endpointConfiguration = configuration.copy();
        AnnoLabEndpoint endpoint = new AnnoLabEndpoint(uri, this, operation, endpointConfiguration);
        setProperties(endpoint, parameters);
        resolveApiKey(endpointConfiguration, AnnoLabConfiguration.API_KEY_ENV, "annolab");
        endpoint.validate();
        return endpoint;
    }

    @Override
    protected String runtimeName() {
        return "AnnoLab";
    }

    public AnnoLabConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AnnoLabConfiguration configuration) {
        this.configuration = configuration;
    }
}

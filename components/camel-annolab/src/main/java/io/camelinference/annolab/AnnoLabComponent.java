package io.camelinference.annolab;

import java.util.Map;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.component.InferenceService;
import io.camelinference.common.operation.OperationNames;
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
        AnnoLabOperation operation = OperationNames.parse(AnnoLabOperation.class, "annolab", remaining);
        AnnoLabConfiguration endpointConfiguration = configuration.copy();
        AnnoLabEndpoint endpoint = new AnnoLabEndpoint(uri, this, operation, endpointConfiguration);
        setProperties(endpoint, parameters);
        prepare(endpointConfiguration);
        requireGroup(operation, endpointConfiguration);
        return endpoint;
    }

    /**
     * The group has no header, so an endpoint that works on a project cannot do without the option: checked here, at
     * creation. What a header may supply (project, model, layer) is checked per message.
     */
    private static void requireGroup(AnnoLabOperation operation, AnnoLabConfiguration c) {
        if (operation != AnnoLabOperation.status && (c.getGroupName() == null || c.getGroupName().isBlank())) {
            throw new IllegalArgumentException("annolab:" + operation + " needs groupName: the name of the group the"
                    + " project belongs to, e.g. annolab:" + operation + "?groupName=demo&projectIdentifier=contracts");
        }
    }

    @Override
    public InferenceService service() {
        return AnnoLabService.SERVICE;
    }

    @Override
    public InferenceConfiguration componentConfiguration() {
        return configuration;
    }

    public AnnoLabConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AnnoLabConfiguration configuration) {
        this.configuration = configuration;
    }
}

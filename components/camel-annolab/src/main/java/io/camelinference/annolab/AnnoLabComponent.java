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

    /** AnnoLab's limit of annotations in one bulk request. */
    static final int MAX_BULK_SIZE = 2000;

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
        if (endpointConfiguration.getBulkSize() < 1 || endpointConfiguration.getBulkSize() > MAX_BULK_SIZE) {
            throw new IllegalArgumentException("annolab:" + operation + " bulkSize must be from 1 to " + MAX_BULK_SIZE
                    + " (AnnoLab takes at most " + MAX_BULK_SIZE + " annotations a request), not "
                    + endpointConfiguration.getBulkSize());
        }
        return endpoint;
    }

    /**
     * The group has no header, so an endpoint of the inference chain and its steps (whose requests carry the group)
     * cannot do without the option: checked here, at creation. The other operations take the key's own group, as
     * the SDK does. What a header may supply (project, model, layer) is checked per message.
     */
    private static void requireGroup(AnnoLabOperation operation, AnnoLabConfiguration c) {
        boolean needsGroup = operation == AnnoLabOperation.infer || operation == AnnoLabOperation.createSource
                || operation == AnnoLabOperation.export;
        if (needsGroup && (c.getGroupName() == null || c.getGroupName().isBlank())) {
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

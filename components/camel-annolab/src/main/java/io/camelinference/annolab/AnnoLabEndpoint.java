package io.camelinference.annolab;

import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.component.InferenceEndpointSupport;
import org.apache.camel.Category;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Annotates documents with AnnoLab models: {@code infer} does the whole chain (create the source, PDFs through the
 * signed upload URL; run the model; wait for the job; export, download and unzip the annotations) in one call;
 * {@code status}, {@code create-source} and {@code export} do one step each.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "annolab", title = "AnnoLab",
             syntax = "annolab:operation", producerOnly = true, category = { Category.AI },
             headersClass = AnnoLabConstants.class)
public class AnnoLabEndpoint extends InferenceEndpointSupport {

    /** The operation to perform. */
    @UriPath
    @Metadata(required = true, enums = "infer,status,create-source,export")
    private AnnoLabOperation operation;

    @UriParam
    private AnnoLabConfiguration configuration;

    public AnnoLabEndpoint(String uri, AnnoLabComponent component, AnnoLabOperation operation,
                           AnnoLabConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    /** Fails endpoint creation when an option the operation needs is missing. */
    void validate() {
        if (configuration.getBaseUrl() == null || configuration.getBaseUrl().isBlank()) {
            throw new IllegalArgumentException("annolab needs a baseUrl, e.g. " + AnnoLabConfiguration.DEFAULT_BASE_URL);
        }
        if (operation == AnnoLabOperation.status) {
            return;
        }
        require(configuration.getGroupName(), "groupName", "the name of the group the project belongs to");
        require(configuration.getProjectIdentifier(), "projectIdentifier", "the id or name of the project");
        if (operation == AnnoLabOperation.infer) {
            require(configuration.getModelIdentifier(), "modelIdentifier", "the id or name of the model to run");
            require(configuration.getOutputLayerIdentifier(), "outputLayerIdentifier",
                    "the id or name of the layer the model writes to");
        }
    }

    private void require(String value, String option, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("annolab:" + operation.uriName() + " needs " + option + ": " + what
                    + ", e.g. annolab:infer?groupName=demo&projectIdentifier=contracts"
                    + "&modelIdentifier=Entity%20Annotator&outputLayerIdentifier=Predictions");
        }
    }

    @Override
    public Producer createProducer() {
        return new AnnoLabProducer(this, getComponent().runtime());
    }

    @Override
    public AnnoLabComponent getComponent() {
        return (AnnoLabComponent) super.getComponent();
    }

    @Override
    protected InferenceConfiguration configuration() {
        return configuration;
    }

    @Override
    protected String jobKeyHeader() {
        return AnnoLabConstants.JOB_KEY;
    }

    public AnnoLabOperation getOperation() {
        return operation;
    }

    public void setOperation(AnnoLabOperation operation) {
        this.operation = operation;
    }

    public AnnoLabConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AnnoLabConfiguration configuration) {
        this.configuration = configuration;
    }
}

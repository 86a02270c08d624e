package io.camelinference.deepomatic;

import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.component.InferenceEndpointSupport;
import io.camelinference.deepomatic.model.DeepomaticBox;
import org.apache.camel.Category;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Recognises images with Deepomatic v0.7: {@code inference} (images streamed as multipart uploads or given by URL,
 * tasks waited for without blocking a thread, many pending tasks checked in one request), recognition specifications
 * ({@code specs}, {@code spec}, {@code create-spec}, {@code update-spec}, {@code delete-spec}) and tasks
 * ({@code task}, {@code tasks}).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "deepomatic", title = "Deepomatic", syntax = "deepomatic:operation",
             producerOnly = true, category = { Category.AI }, headersClass = DeepomaticConstants.class)
public class DeepomaticEndpoint extends InferenceEndpointSupport {

    /** The operation to perform. */
    @UriPath(enums = DeepomaticOperation.NAMES)
    @Metadata(required = true)
    private String operation;

    @UriParam
    private DeepomaticConfiguration configuration;

    public DeepomaticEndpoint(String uri, DeepomaticComponent component, DeepomaticOperation operation,
                              DeepomaticConfiguration configuration) {
        super(uri, component);
        this.operation = operation.uriName();
        this.configuration = configuration;
    }

    /** Fails endpoint creation when an option is missing or malformed. */
    void validate() {
        if (configuration.getBaseUrl() == null || configuration.getBaseUrl().isBlank()) {
            throw new IllegalArgumentException("deepomatic needs a baseUrl, e.g. "
                    + DeepomaticConfiguration.DEFAULT_BASE_URL);
        }
        if (configuration.getBbox() != null) {
            DeepomaticBox.parse(configuration.getBbox());
        }
        if (configuration.getMaxPredictions() != null && configuration.getMaxPredictions() < 1) {
            throw new IllegalArgumentException("deepomatic maxPredictions must be at least 1, was "
                    + configuration.getMaxPredictions());
        }
        if (configuration.getTaskBatchSize() < 1 || configuration.getTaskBatchSize() > DeepomaticClient.TASKS_PER_REQUEST) {
            throw new IllegalArgumentException("deepomatic taskBatchSize must be 1 to "
                    + DeepomaticClient.TASKS_PER_REQUEST + ", was " + configuration.getTaskBatchSize());
        }
    }

    @Override
    public Producer createProducer() {
        return new DeepomaticProducer(this, getComponent().runtime());
    }

    @Override
    public DeepomaticComponent getComponent() {
        return (DeepomaticComponent) super.getComponent();
    }

    @Override
    protected InferenceConfiguration configuration() {
        return configuration;
    }

    @Override
    protected String jobKeyHeader() {
        return DeepomaticConstants.JOB_KEY;
    }

    /** The operation's URI name, e.g. {@code create-spec}. */
    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = DeepomaticOperation.of(operation).uriName();
    }

    DeepomaticOperation operation() {
        return DeepomaticOperation.of(operation);
    }

    public DeepomaticConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(DeepomaticConfiguration configuration) {
        this.configuration = configuration;
    }
}

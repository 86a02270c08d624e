package io.camelinference.deepomatic;

import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.component.InferenceEndpointSupport;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Recognises images with Deepomatic v0.7: inference on a specification or a version (images streamed as multipart
 * uploads or given by URL, tasks waited for without holding a thread, many pending tasks checked in one request,
 * resumed after a restart), recognition specifications (specs, spec, create-spec, update-spec, delete-spec,
 * spec-versions), recognition versions (versions, version, create-version, delete-version), networks (networks,
 * network, create-network, update-network, delete-network), the account, and tasks (task, tasks).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "deepomatic", title = "Deepomatic", syntax = "deepomatic:operation",
             producerOnly = true, category = { Category.AI }, headersClass = DeepomaticConstants.class)
public class DeepomaticEndpoint extends InferenceEndpointSupport {

    /** The operation to perform. */
    @UriPath(enums = DeepomaticOperation.NAMES)
    @Metadata(required = true)
    private DeepomaticOperation operation;

    @UriParam
    private DeepomaticConfiguration configuration;

    public DeepomaticEndpoint(String uri, DeepomaticComponent component, DeepomaticOperation operation,
                              DeepomaticConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new DeepomaticProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("deepomatic:" + operation + " has no consumer: use it in to(...)");
    }

    @Override
    public InferenceConfiguration configuration() {
        return configuration;
    }

    @Override
    public String jobKeyHeader() {
        return DeepomaticConstants.JOB_KEY;
    }

    public DeepomaticOperation getOperation() {
        return operation;
    }

    public void setOperation(DeepomaticOperation operation) {
        this.operation = operation;
    }

    public DeepomaticConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(DeepomaticConfiguration configuration) {
        this.configuration = configuration;
    }
}

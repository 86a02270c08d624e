package io.camelinference.annolab;

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
 * Annotates documents with AnnoLab models: infer does the whole chain (create the source, PDFs through the signed
 * upload URL; run the model; wait for the job; export, download and unzip the annotations) in one call, resumed after
 * a failure or a restart; status, create-source and export do one step each. The other operations are the official
 * SDK's: projects, directories, sources, annotations and relations (on a source, in bulk, imported from an export),
 * layers, annotation types and the key's groups.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "annolab", title = "AnnoLab",
             syntax = "annolab:operation", producerOnly = true, category = { Category.AI },
             headersClass = AnnoLabConstants.class)
public class AnnoLabEndpoint extends InferenceEndpointSupport {

    /** The operation to perform. */
    @UriPath(enums = AnnoLabOperation.NAMES)
    @Metadata(required = true)
    private AnnoLabOperation operation;

    @UriParam
    private AnnoLabConfiguration configuration;

    public AnnoLabEndpoint(String uri, AnnoLabComponent component, AnnoLabOperation operation,
                           AnnoLabConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new AnnoLabProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("annolab:" + operation + " has no consumer: use it in to(...)");
    }

    @Override
    public InferenceConfiguration configuration() {
        return configuration;
    }

    @Override
    public String jobKeyHeader() {
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

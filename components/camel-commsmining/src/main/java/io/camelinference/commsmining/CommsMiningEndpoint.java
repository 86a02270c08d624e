package io.camelinference.commsmining;

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
 * Labels e-mails and other messages with UiPath Communications Mining: predict (documents, split at the 4096-document
 * limit, or micro-batched), predict-raw-emails, predict-comments, validation, stream-fetch, stream-advance and
 * stream-reset; and the stream consumer, which delivers each comment of a stream and advances the stream once the batch
 * completed.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "commsmining", title = "Communications Mining",
             syntax = "commsmining:operation", producerOnly = false, category = { Category.AI },
             headersClass = CommsMiningConstants.class)
public class CommsMiningEndpoint extends InferenceEndpointSupport {

    /** The operation to perform; stream for the consumer. */
    @UriPath(enums = CommsMiningOperation.NAMES)
    @Metadata(required = true)
    private CommsMiningOperation operation;

    @UriParam
    private CommsMiningConfiguration configuration;

    public CommsMiningEndpoint(String uri, CommsMiningComponent component, CommsMiningOperation operation,
                               CommsMiningConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new CommsMiningProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != CommsMiningOperation.stream) {
            throw new UnsupportedOperationException("commsmining:" + operation + " has no consumer: read a stream with"
                    + " from(\"commsmining:stream?project=...&dataset=...&stream=...\")");
        }
        for (String[] required : new String[][] {{"project", configuration.getProject()},
                {"dataset", configuration.getDataset()}, {"stream", configuration.getStream()}}) {
            if (required[1] == null || required[1].isBlank()) {
                throw new IllegalArgumentException("commsmining:stream needs the option " + required[0]
                        + " (commsmining:stream?project=...&dataset=...&stream=...)");
            }
        }
        CommsMiningConsumer consumer = new CommsMiningConsumer(this, processor);
        configureConsumer(consumer);
        if (getBackoffMultiplier() == 0 && getBackoffIdleThreshold() == 0) {
            // an empty stream is polled less often until comments arrive again
            consumer.setBackoffMultiplier(4);
            consumer.setBackoffIdleThreshold(1);
        }
        return consumer;
    }

    @Override
    public InferenceConfiguration configuration() {
        return configuration;
    }

    @Override
    public String jobKeyHeader() {
        // predict is synchronous and billed calls are never re-sent blind: there are no jobs to resume
        return null;
    }

    public CommsMiningOperation getOperation() {
        return operation;
    }

    public void setOperation(CommsMiningOperation operation) {
        this.operation = operation;
    }

    public CommsMiningConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(CommsMiningConfiguration configuration) {
        this.configuration = configuration;
    }
}

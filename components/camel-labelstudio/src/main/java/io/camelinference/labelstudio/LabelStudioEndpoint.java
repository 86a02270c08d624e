package io.camelinference.labelstudio;

import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.component.InferenceEndpointSupport;
import io.camelinference.labelstudio.consumer.MlBackendConsumer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Drives Label Studio (ML backends, projects, task import, export, predictions) and, as labelstudio:ml-backend at the
 * start of a route, serves the ML-backend protocol so that Label Studio asks the route for predictions.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "labelstudio", title = "Label Studio", syntax = "labelstudio:operation",
             producerOnly = false, category = { Category.AI }, headersClass = LabelStudioConstants.class)
// the consumer is served over HTTP, not polled; and nothing Label Studio does is a job to wait for
@Metadata(excludeProperties = LabelStudioEndpoint.NOT_APPLICABLE)
public class LabelStudioEndpoint extends InferenceEndpointSupport {

    static final String NOT_APPLICABLE = "backoffErrorThreshold,backoffIdleThreshold,backoffMultiplier,delay,greedy,"
            + "initialDelay,repeatCount,runLoggingLevel,scheduledExecutorService,scheduler,schedulerProperties,"
            + "startScheduler,timeUnit,useFixedDelay,sendEmptyMessageWhenIdle,pollStrategy,waitForCompletion,"
            + "pollInitialDelay,pollMaxInterval,waitTimeout,maxStatusChecksPerSecond,jobStore,jobStoreFile,"
            + "stateRepository,jobStateTtl";

    /** The operation to perform; ml-backend is the consumer. */
    @UriPath(enums = LabelStudioOperation.NAMES)
    @Metadata(required = true)
    private LabelStudioOperation operation;

    @UriParam
    private LabelStudioConfiguration configuration;

    public LabelStudioEndpoint(String uri, LabelStudioComponent component, LabelStudioOperation operation,
                               LabelStudioConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new LabelStudioProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != LabelStudioOperation.mlBackend) {
            throw new UnsupportedOperationException("labelstudio:" + operation + " has no consumer: use it in to(...);"
                    + " the consumer is labelstudio:ml-backend");
        }
        MlBackendConsumer consumer = new MlBackendConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public InferenceConfiguration configuration() {
        return configuration;
    }

    @Override
    public String jobKeyHeader() {
        // nothing Label Studio does is a job to resume: there is no job key
        return null;
    }

    public LabelStudioOperation getOperation() {
        return operation;
    }

    public void setOperation(LabelStudioOperation operation) {
        this.operation = operation;
    }

    public LabelStudioConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(LabelStudioConfiguration configuration) {
        this.configuration = configuration;
    }
}

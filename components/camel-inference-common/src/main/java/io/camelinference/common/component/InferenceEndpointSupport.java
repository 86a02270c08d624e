package io.camelinference.common.component;

import io.camelinference.common.state.PendingJobs;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The shared part of an inference endpoint: asynchronous and producer-only, reports where its service is, and keeps
 * the {@link PendingJobs} of its producers in the configured (or an in-memory) state repository.
 * The concrete endpoint carries {@code @UriEndpoint}, its {@code @UriPath} operation and its {@code @UriParam}
 * configuration.
 */
public abstract class InferenceEndpointSupport extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    private PendingJobs pendingJobs;

    protected InferenceEndpointSupport(String uri, Component component) {
        super(uri, component);
    }

    /** This endpoint's configuration. */
    protected abstract InferenceConfiguration configuration();

    /** The header that identifies a message across restarts, e.g. {@code CamelUnityPredictJobKey}. */
    protected abstract String jobKeyHeader();

    /** Pending jobs of this endpoint's producers; available once the endpoint is started. */
    public PendingJobs pendingJobs() {
        return pendingJobs;
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException(getEndpointBaseUri() + " is a producer only: use it in to(...)");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        pendingJobs = new PendingJobs(configuration().getStateRepository(), jobKeyHeader());
        ServiceHelper.startService(pendingJobs.repository());
    }

    @Override
    protected void doStop() throws Exception {
        if (configuration().getStateRepository() == null && pendingJobs != null) {
            // only the in-memory one is ours; a configured repository belongs to the application
            ServiceHelper.stopService(pendingJobs.repository());
        }
        super.doStop();
    }

    @Override
    public String getServiceUrl() {
        return configuration().getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }
}

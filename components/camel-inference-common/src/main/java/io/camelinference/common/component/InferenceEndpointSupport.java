package io.camelinference.common.component;

import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.camelinference.common.http.InferenceHttpClient;
import io.camelinference.common.job.FileJobStore;
import io.camelinference.common.job.JobStore;
import io.camelinference.common.job.MemoryJobStore;
import io.camelinference.common.job.ResumableJobs;
import io.camelinference.common.job.StateRepositoryJobStore;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * The shared part of an inference endpoint: asynchronous, reports where its service is, owns the HTTP client of its
 * configuration and credential, and the {@link ResumableJobs} of its messages in the configured job store (memory,
 * file, a Camel StateRepository, or a shared store), whose abandoned entries it expires. Producers and consumers are
 * the concrete endpoint's business: this class assumes neither.
 */
public abstract class InferenceEndpointSupport extends ScheduledPollEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    private JobStore jobStore;
    private boolean ownStore;
    private ResumableJobs jobs;
    private ScheduledFuture<?> expiry;
    private InferenceHttpClient http;

    protected InferenceEndpointSupport(String uri, InferenceComponentSupport component) {
        super(uri, component);
    }

    /** This endpoint's configuration. */
    public abstract InferenceConfiguration configuration();

    /** The header that identifies a message across restarts, e.g. {@code CamelUnityPredictJobKey}. */
    public abstract String jobKeyHeader();

    @Override
    public InferenceComponentSupport getComponent() {
        return (InferenceComponentSupport) super.getComponent();
    }

    public InferenceService service() {
        return getComponent().service();
    }

    public InferenceRuntime runtime() {
        return getComponent().runtime();
    }

    /** The client of this endpoint's service, base URL and credential (one per endpoint, sharing the pool). */
    public synchronized InferenceHttpClient http() {
        if (http == null) {
            InferenceConfiguration c = configuration();
            InferenceService s = service();
            http = runtime().httpClient(s.scheme(), c, s.auth().apply(new InferenceService.AuthContext(c.getApiKey(),
                    c, () -> runtime().httpClient(s.scheme(), c, io.camelinference.common.http.AuthStrategy.none()))));
        }
        return http;
    }

    /** Submit-or-resume for this endpoint's billed jobs; available once the endpoint is started. */
    public ResumableJobs jobs() {
        return jobs;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        InferenceConfiguration c = configuration();
        Duration ttl = Duration.ofMillis(c.getJobStateTtl());
        ownStore = c.getJobStore() == null;
        if (c.getJobStore() != null) {
            jobStore = c.getJobStore();
        } else if (c.getJobStoreFile() != null && !c.getJobStoreFile().isBlank()) {
            jobStore = new FileJobStore(Paths.get(c.getJobStoreFile()), ttl);
        } else if (c.getStateRepository() != null) {
            jobStore = new StateRepositoryJobStore(c.getStateRepository(), ttl);
        } else {
            jobStore = new MemoryJobStore(ttl);
        }
        jobStore.start();
        jobs = new ResumableJobs(service().scheme(), jobStore, runtime().continuation());
        long every = Math.max(1_000, Math.min(ttl.toMillis() / 10, 600_000));
        expiry = runtime().scheduler().scheduleWithFixedDelay(jobStore::expire, every, every, TimeUnit.MILLISECONDS);
        getComponent().healthCheck().track(this);
    }

    @Override
    protected void doStop() throws Exception {
        if (expiry != null) {
            expiry.cancel(false);
        }
        if (ownStore && jobStore != null) {
            // a store the application configured is the application's to stop
            jobStore.stop();
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

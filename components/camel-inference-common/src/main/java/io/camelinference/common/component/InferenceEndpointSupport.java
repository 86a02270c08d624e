package io.camelinference.common.component;

import java.math.BigDecimal;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.camelinference.common.http.InferenceHttpClient;
import io.camelinference.common.job.FileJobStore;
import io.camelinference.common.job.FileJobStores;
import io.camelinference.common.job.JobStore;
import io.camelinference.common.job.MemoryJobStore;
import io.camelinference.common.job.ResumableJobs;
import io.camelinference.common.job.StateRepositoryJobStore;
import io.camelinference.common.spend.SpendBudget;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared part of an inference endpoint: asynchronous, reports where its service is, owns the HTTP client of its
 * configuration and credential, and the {@link ResumableJobs} of its messages in the configured job store (memory,
 * file, a Camel StateRepository, or a shared store), whose abandoned entries it expires. Producers and consumers are
 * the concrete endpoint's business: this class assumes neither. With a spendLimit it opens its spend budget on its
 * job store, and its HTTP client's retries are counted in the component's metrics.
 */
public abstract class InferenceEndpointSupport extends ScheduledPollEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceEndpointSupport.class);

    private JobStore jobStore;
    private boolean ownStore;
    /** The file store of jobStoreFile, shared with other endpoints naming the same file; released on stop. */
    private FileJobStore sharedFileStore;
    private ResumableJobs jobs;
    private ScheduledFuture<?> expiry;
    private InferenceHttpClient http;
    private SpendBudget spendBudget;
    private AutoCloseable spendStore;

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
            http.onRetry(getComponent().metrics().retries(operationName()));
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
            // shared with every endpoint naming the same file: one log, one writer
            sharedFileStore = FileJobStores.open(Paths.get(c.getJobStoreFile()), ttl);
            jobStore = sharedFileStore;
        } else if (c.getStateRepository() != null) {
            jobStore = new StateRepositoryJobStore(c.getStateRepository(), ttl);
        } else {
            jobStore = new MemoryJobStore(ttl);
        }
        if (sharedFileStore == null) {
            jobStore.start(); // a shared file store comes started
        }
        jobs = new ResumableJobs(service().scheme(), jobStore, runtime().continuation());
        long every = Math.max(1_000, Math.min(ttl.toMillis() / 10, 600_000));
        // the scheduler only starts it: a store's expiry may be a database DELETE, which must not hold the one thread
        // every pending job's checks run on; and a failing expiry (a database out of reach) must not end the schedule
        // (the runtime of now: a tick racing the component's stop must not build a new one)
        JobStore store = jobStore;
        InferenceRuntime runtime = runtime();
        expiry = runtime.scheduler().scheduleWithFixedDelay(() -> runtime.continueWith(() -> expire(store)), every,
                every, TimeUnit.MILLISECONDS);
        getComponent().healthCheck().track(this);
        openSpendBudget();
    }

    private void expire(JobStore store) {
        try {
            store.expire();
        } catch (RuntimeException e) {
            LOG.warn("{}: expiring old job states failed ({}); trying again at the next expiry", service().scheme(),
                    e.getMessage());
        }
    }

    /**
     * The budget of a spendLimit: the component's own (named after the scheme) when this endpoint takes spendLimit
     * and spendPeriod from the component, else this endpoint's (named after its operation and a hash of its URI).
     */
    private void openSpendBudget() {
        InferenceConfiguration c = configuration();
        if (c.getSpendLimit() == null) {
            return;
        }
        InferenceConfiguration shared = getComponent().componentConfiguration();
        boolean own = !c.getSpendLimit().equals(shared.getSpendLimit())
                || c.getSpendPeriod() != shared.getSpendPeriod();
        String id = own ? service().scheme() + ":" + operationName() + "#"
                + Integer.toHexString(URISupport.sanitizeUri(getEndpointUri()).hashCode()) : service().scheme();
        spendBudget = getComponent().spendBudgets().budget(id, BigDecimal.valueOf(c.getSpendLimit()),
                Duration.ofMillis(c.getSpendPeriod()));
        spendStore = spendBudget.attach(jobStore, runtime().scheduler(), runtime().continuation());
    }

    /** This endpoint's spend budget, or null when it has no spendLimit. */
    public SpendBudget spendBudget() {
        return spendBudget;
    }

    /** The operation in this endpoint's URI (scheme:operation), e.g. predict: what its metrics are tagged with. */
    public String operationName() {
        String uri = getEndpointBaseUri();
        String rest = uri.substring(uri.indexOf(':') + 1).replaceFirst("^//", "");
        int end = rest.indexOf('?');
        rest = end < 0 ? rest : rest.substring(0, end);
        return rest.isBlank() ? "unknown" : rest;
    }

    @Override
    protected void doStop() throws Exception {
        if (expiry != null) {
            expiry.cancel(false);
        }
        if (spendStore != null) {
            spendStore.close();
            spendStore = null;
        }
        if (sharedFileStore != null) {
            FileJobStores.release(sharedFileStore);
            sharedFileStore = null;
        } else if (ownStore && jobStore != null) {
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

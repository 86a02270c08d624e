package io.camelinference.common.component;

import java.time.Duration;

import io.camelinference.common.http.TransportSettings;
import io.camelinference.common.job.JobStore;
import io.camelinference.common.poll.PollSchedule;
import io.camelinference.common.retry.Backoff;
import io.camelinference.common.retry.RetryPolicy;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Options every inference component has: where the service is, transport, retries, job waiting and where pending jobs
 * are remembered. A component's own configuration extends this class, declares its credential option and adds its
 * service's options. Descriptions are given in the
 * annotations because the metadata generator of a component module cannot read this module's Javadoc.
 */
@UriParams
public abstract class InferenceConfiguration implements Cloneable {

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long to wait for a connection to the service (milliseconds or a duration like 10s).")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long to wait for the service to answer one request once it is sent.")
    private long responseTimeout = 60_000;

    @UriParam(label = "advanced", defaultValue = "120000", javaType = "java.time.Duration",
              description = "Overall bound of one attempt of a call, from sending it to the last byte of the answer:"
                            + " a server that trickles bytes cannot hold a message longer. Uploads and downloads of"
                            + " files are bounded by transferTimeout instead.")
    private long requestTimeout = 120_000;

    @UriParam(label = "advanced", defaultValue = "3600000", javaType = "java.time.Duration",
              description = "Overall bound of one streamed upload or download of a file.")
    private long transferTimeout = 3_600_000;

    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long a request may wait for a pooled connection. A request that times out here was"
                            + " never sent, so it is retried whatever its billing.")
    private long connectionRequestTimeout = 60_000;

    @UriParam(label = "advanced", defaultValue = "64",
              description = "Size of the HTTP connection pool shared by the component's endpoints with the same"
                            + " transport settings; size it to the in-flight work.")
    private int maxConnections = 64;

    @UriParam(label = "advanced", defaultValue = "0",
              description = "Most requests on the wire to the service at once; the others wait in a queue that holds"
                            + " no thread. 0 means maxConnections.")
    private int maxInFlight;

    @UriParam(label = "advanced", defaultValue = "300000", javaType = "java.time.Duration",
              description = "How long a call may wait in all while the service rate-limits (HTTP 429, or 503 with"
                            + " Retry-After). During a rate limit every request to the service pauses together and one"
                            + " probe goes first; these waits do not count against maxRetries.")
    private long maxRateLimitWait = 300_000;

    @UriParam(label = "advanced", defaultValue = "268435456",
              description = "Bytes of heap that all answers read into memory at once may take together (JSON answers,"
                            + " error bodies; downloads go to files). An answer beyond it fails clearly instead of"
                            + " exhausting the heap. At most a quarter of the maximum heap is used whatever is set.")
    private long maxResponseMemory = 256L * 1024 * 1024;

    @UriParam(label = "advanced", defaultValue = "67108864",
              description = "Bytes of heap one answer read into memory may take.")
    private long maxResponseSize = 64L * 1024 * 1024;

    @UriParam(label = "security",
              description = "TLS settings (trust store, key store, protocols) for the connection to the service.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "proxy", description = "HTTP proxy host.")
    private String proxyHost;

    @UriParam(label = "proxy", defaultValue = "3128", description = "HTTP proxy port.")
    private int proxyPort = 3128;

    @UriParam(label = "advanced", defaultValue = "3",
              description = "How often a failed request is tried again: connect failures, 408, 429 and (for calls that"
                            + " are neither billed nor create a job) 5xx. 0 disables retries.")
    private int maxRetries = 3;

    @UriParam(label = "advanced", defaultValue = "500", javaType = "java.time.Duration",
              description = "First delay between retries; it doubles (with jitter) up to retryMaxDelay.")
    private long retryInitialDelay = 500;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "Longest delay between retries.")
    private long retryMaxDelay = 30_000;

    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "Longest Retry-After the component obeys. A longer one fails the request at once with a"
                            + " message saying so, instead of waiting silently.")
    private long maxRetryAfter = 60_000;

    @UriParam(label = "producer", defaultValue = "true",
              description = "Wait for a long-running job to finish and return its result. When false, the producer"
                            + " returns as soon as the service accepted the job, with its id in the headers.")
    private boolean waitForCompletion = true;

    @UriParam(label = "producer", defaultValue = "250", javaType = "java.time.Duration",
              description = "When to check a pending job the first time.")
    private long pollInitialDelay = 250;

    @UriParam(label = "producer", defaultValue = "10000", javaType = "java.time.Duration",
              description = "Longest interval between two checks of a pending job; intervals double up to it.")
    private long pollMaxInterval = 10_000;

    @UriParam(label = "producer", defaultValue = "200",
              description = "Most status checks the service sees in any one second. Checks are spaced at least 1.1 /"
                            + " this many seconds apart when they go on the wire, so no second ever holds more; a check"
                            + " waiting for its slot holds no thread and lets other calls pass. Endpoints with the same"
                            + " baseUrl and the same value share one pace. A batched check counts once per request.")
    private int maxStatusChecksPerSecond = 200;

    @UriParam(label = "producer", defaultValue = "1800000", javaType = "java.time.Duration",
              description = "How long to wait for a job in all before failing the exchange with a job-timed-out"
                            + " exception that carries the job id.")
    private long waitTimeout = 1_800_000;

    @UriParam(label = "advanced",
              description = "Where pending jobs are remembered (a JobStore bean: a FileJobStore, a shared JDBC store),"
                            + " so that after a restart, or on another replica, the same message resumes its job instead"
                            + " of submitting and paying for it again. In memory when neither this, jobStoreFile nor"
                            + " stateRepository is set.")
    private JobStore jobStore;

    @UriParam(label = "advanced",
              description = "A file where pending jobs are remembered (a FileJobStore), e.g."
                            + " work/state/unitypredict.jobs: the simplest way to resume jobs after a restart.")
    private String jobStoreFile;

    @UriParam(label = "advanced",
              description = "A Camel StateRepository to remember pending jobs in, for applications that already have"
                            + " one. Camel's SPI cannot delete, so finished jobs leave empty entries; prefer jobStore"
                            + " or jobStoreFile.")
    private StateRepository<String, String> stateRepository;

    @UriParam(label = "advanced", defaultValue = "86400000", javaType = "java.time.Duration",
              description = "How long the stored state of a job nobody comes back for (timed out, dead-lettered) is"
                            + " kept before it expires. At least waitTimeout.")
    private long jobStateTtl = 86_400_000;

    @UriParam(label = "producer", javaType = "java.lang.Double",
              description = "Most the component may spend per spendPeriod, in the unit the service bills: UnityPredict"
                            + " compute cost in USD (as computeCost reports it), Communications Mining AI units (one per"
                            + " predicted document), Deepomatic inferences (one per image), AnnoLab model runs (one per"
                            + " source); Label Studio bills nothing and takes no limit. A billed call that would take"
                            + " the budget past it fails before anything is sent, with a SpendLimitExceededException"
                            + " naming the budget, what was spent and what the call would add. Set on the component,"
                            + " one budget is shared by its endpoints; an endpoint that sets other values has its own."
                            + " What was spent is kept in the job store (jobStore, jobStoreFile or stateRepository), so"
                            + " it survives a restart. Not set: no limit; 0 refuses every billed call.")
    private Double spendLimit;

    @UriParam(label = "producer", defaultValue = "86400000", javaType = "java.time.Duration",
              description = "How long a spend budget lasts before it starts again from zero. Periods are fixed windows"
                            + " aligned to the Unix epoch in UTC, not rolling ones: 24h runs from midnight to midnight"
                            + " UTC, 1h from the full hour, 7d from Thursday midnight UTC.")
    private long spendPeriod = 86_400_000;

    /**
     * The service's credential. Each component declares the option itself (secret, with a description naming its own
     * environment variable), because the catalog takes an option's description from the class that declares it.
     */
    public abstract String getApiKey();

    public abstract void setApiKey(String apiKey);

    /**
     * The service's API root. Each component declares the option itself, like the key, so that the catalog lists the
     * component's own production address as the default (an option's default and description come from the class
     * that declares it).
     */
    public abstract String getBaseUrl();

    public abstract void setBaseUrl(String baseUrl);

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public int getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(int proxyPort) {
        this.proxyPort = proxyPort;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public long getPollInitialDelay() {
        return pollInitialDelay;
    }

    public void setPollInitialDelay(long pollInitialDelay) {
        this.pollInitialDelay = pollInitialDelay;
    }

    public long getPollMaxInterval() {
        return pollMaxInterval;
    }

    public void setPollMaxInterval(long pollMaxInterval) {
        this.pollMaxInterval = pollMaxInterval;
    }

    public long getWaitTimeout() {
        return waitTimeout;
    }

    public void setWaitTimeout(long waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public long getTransferTimeout() {
        return transferTimeout;
    }

    public void setTransferTimeout(long transferTimeout) {
        this.transferTimeout = transferTimeout;
    }

    public long getConnectionRequestTimeout() {
        return connectionRequestTimeout;
    }

    public void setConnectionRequestTimeout(long connectionRequestTimeout) {
        this.connectionRequestTimeout = connectionRequestTimeout;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public long getMaxRateLimitWait() {
        return maxRateLimitWait;
    }

    public void setMaxRateLimitWait(long maxRateLimitWait) {
        this.maxRateLimitWait = maxRateLimitWait;
    }

    public long getMaxResponseMemory() {
        return maxResponseMemory;
    }

    public void setMaxResponseMemory(long maxResponseMemory) {
        this.maxResponseMemory = maxResponseMemory;
    }

    public long getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public JobStore getJobStore() {
        return jobStore;
    }

    public void setJobStore(JobStore jobStore) {
        this.jobStore = jobStore;
    }

    public String getJobStoreFile() {
        return jobStoreFile;
    }

    public void setJobStoreFile(String jobStoreFile) {
        this.jobStoreFile = jobStoreFile;
    }

    public long getJobStateTtl() {
        return jobStateTtl;
    }

    public void setJobStateTtl(long jobStateTtl) {
        this.jobStateTtl = jobStateTtl;
    }

    public int getMaxStatusChecksPerSecond() {
        return maxStatusChecksPerSecond;
    }

    public void setMaxStatusChecksPerSecond(int maxStatusChecksPerSecond) {
        this.maxStatusChecksPerSecond = maxStatusChecksPerSecond;
    }

    public Double getSpendLimit() {
        return spendLimit;
    }

    public void setSpendLimit(Double spendLimit) {
        this.spendLimit = spendLimit;
    }

    public long getSpendPeriod() {
        return spendPeriod;
    }

    public void setSpendPeriod(long spendPeriod) {
        this.spendPeriod = spendPeriod;
    }

    /** The transport part of the options: endpoints that agree on it share one connection pool. */
    public TransportSettings transportSettings() {
        long heapQuarter = Runtime.getRuntime().maxMemory() / 4;
        long memory = Math.min(maxResponseMemory, heapQuarter);
        return new TransportSettings(Duration.ofMillis(connectTimeout), Duration.ofMillis(responseTimeout),
                Duration.ofMillis(connectionRequestTimeout), maxConnections, memory,
                Math.min(maxResponseSize, memory), sslContextParameters, proxyHost, proxyPort);
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxRetries, new Backoff(Duration.ofMillis(retryInitialDelay),
                Duration.ofMillis(retryMaxDelay), true), Duration.ofMillis(maxRetryAfter));
    }

    public PollSchedule pollSchedule() {
        return new PollSchedule(Duration.ofMillis(pollInitialDelay), Duration.ofMillis(pollMaxInterval),
                Duration.ofMillis(waitTimeout));
    }

    /** A shallow copy: the component's configuration is copied into each endpoint it creates. */
    @SuppressWarnings("unchecked")
    public <C extends InferenceConfiguration> C copy() {
        try {
            return (C) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}

package io.camelinference.springboot;

import java.time.Duration;

import io.camelinference.common.job.JobStore;
import org.apache.camel.spi.StateRepository;

/**
 * The engine's component options besides transport: the service's base URL, waiting for jobs, where pending jobs are
 * remembered, and Camel's own component options. A starter's {@code <X>ComponentConfiguration} extends this with the
 * key and the options of its service. Unset properties keep the component's defaults.
 */
public class InferenceComponentProperties extends InferenceTransportProperties {

    /** Base URL of the service API. */
    private String baseUrl;
    /** When to check a pending job the first time. */
    private Duration pollInitialDelay;
    /** Longest interval between two checks of a pending job. */
    private Duration pollMaxInterval;
    /** Wait for a long-running job to finish and return its result. */
    private Boolean waitForCompletion;
    /** How long to wait for a job in all. */
    private Duration waitTimeout;
    /** Most status checks per second the component sends the service. */
    private Integer maxStatusChecksPerSecond;
    /** How long the stored state of a job nobody comes back for is kept. */
    private Duration jobStateTtl;
    /** Where pending jobs are remembered: a reference to a JobStore bean, e.g. #bean:jobStore. */
    private JobStore jobStore;
    /** A file where pending jobs are remembered. */
    private String jobStoreFile;
    /** A Camel StateRepository to remember pending jobs in: a bean reference. */
    private StateRepository<String, String> stateRepository;
    /** Most the component may spend per spend period, in the unit the service bills (not set: no limit). */
    private Double spendLimit;
    /** How long a spend budget lasts before it starts again from zero (periods aligned to UTC). */
    private Duration spendPeriod;
    /** Whether the producer should be started lazily (on the first message). */
    private Boolean lazyStartProducer;
    /** Whether autowiring is enabled. */
    private Boolean autowiredEnabled;
    /** Whether the consumer-based health checks of the component are enabled. */
    private Boolean healthCheckConsumerEnabled;
    /** Whether the producer-based health checks of the component are enabled. */
    private Boolean healthCheckProducerEnabled;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Duration getPollInitialDelay() {
        return pollInitialDelay;
    }

    public void setPollInitialDelay(Duration pollInitialDelay) {
        this.pollInitialDelay = pollInitialDelay;
    }

    public Duration getPollMaxInterval() {
        return pollMaxInterval;
    }

    public void setPollMaxInterval(Duration pollMaxInterval) {
        this.pollMaxInterval = pollMaxInterval;
    }

    public Boolean getWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(Boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public Duration getWaitTimeout() {
        return waitTimeout;
    }

    public void setWaitTimeout(Duration waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public Integer getMaxStatusChecksPerSecond() {
        return maxStatusChecksPerSecond;
    }

    public void setMaxStatusChecksPerSecond(Integer maxStatusChecksPerSecond) {
        this.maxStatusChecksPerSecond = maxStatusChecksPerSecond;
    }

    public Duration getJobStateTtl() {
        return jobStateTtl;
    }

    public void setJobStateTtl(Duration jobStateTtl) {
        this.jobStateTtl = jobStateTtl;
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

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public Double getSpendLimit() {
        return spendLimit;
    }

    public void setSpendLimit(Double spendLimit) {
        this.spendLimit = spendLimit;
    }

    public Duration getSpendPeriod() {
        return spendPeriod;
    }

    public void setSpendPeriod(Duration spendPeriod) {
        this.spendPeriod = spendPeriod;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }
}

package io.camelinference.common.component;

import java.time.Duration;

import io.camelinference.common.job.JobStore;
import io.camelinference.common.poll.PollSchedule;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of long-running jobs every inference component has: whether and how long to wait for them, how often
 * to check them, and where pending jobs are remembered so a restart or another replica resumes them. The second layer
 * of {@link InferenceConfiguration}, over {@link TransportConfiguration}.
 */
@UriParams
public abstract class JobConfiguration extends TransportConfiguration {

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

    public int getMaxStatusChecksPerSecond() {
        return maxStatusChecksPerSecond;
    }

    public void setMaxStatusChecksPerSecond(int maxStatusChecksPerSecond) {
        this.maxStatusChecksPerSecond = maxStatusChecksPerSecond;
    }

    public long getWaitTimeout() {
        return waitTimeout;
    }

    public void setWaitTimeout(long waitTimeout) {
        this.waitTimeout = waitTimeout;
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

    public long getJobStateTtl() {
        return jobStateTtl;
    }

    public void setJobStateTtl(long jobStateTtl) {
        this.jobStateTtl = jobStateTtl;
    }

    public PollSchedule pollSchedule() {
        return new PollSchedule(Duration.ofMillis(pollInitialDelay), Duration.ofMillis(pollMaxInterval),
                Duration.ofMillis(waitTimeout));
    }
}

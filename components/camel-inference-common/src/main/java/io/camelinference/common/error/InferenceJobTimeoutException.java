package io.camelinference.common.error;

import java.time.Duration;

/**
 * A job did not reach a terminal state within {@code waitTimeout}. The job id is kept so a route can check on it
 * later (e.g. with the component's {@code status} operation) instead of submitting, and paying for, it again; a
 * redelivery of the same message resumes waiting for it.
 */
public class InferenceJobTimeoutException extends InferenceException implements HasJobId {

    private final String jobId;
    private final String lastStatus;
    private final Duration waited;
    private final String lastCheckFailure;

    public InferenceJobTimeoutException(String provider, String jobId, String lastStatus, Duration waited) {
        this(provider, jobId, lastStatus, waited, null);
    }

    /**
     * @param lastCheckFailure why the last status check failed, when it did (the job's state is then unknown since)
     */
    public InferenceJobTimeoutException(String provider, String jobId, String lastStatus, Duration waited,
                                        String lastCheckFailure) {
        super(provider, provider + " job " + jobId + " did not finish within waitTimeout " + waited.toMillis()
                + " ms (last state " + lastStatus + (lastCheckFailure == null ? ""
                        : "; the last status check failed: " + lastCheckFailure)
                + "); check on it later by its id instead of resubmitting");
        this.jobId = jobId;
        this.lastStatus = lastStatus;
        this.waited = waited;
        this.lastCheckFailure = lastCheckFailure;
    }

    @Override
    public String getJobId() {
        return jobId;
    }

    /** The last state a status check reported, e.g. {@code Processing}. */
    public String getLastStatus() {
        return lastStatus;
    }

    public Duration getWaited() {
        return waited;
    }

    /** Why the last status check failed, or null when it answered. */
    public String getLastCheckFailure() {
        return lastCheckFailure;
    }
}

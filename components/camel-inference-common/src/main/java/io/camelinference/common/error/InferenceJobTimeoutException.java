package io.camelinference.common.error;

import java.time.Duration;

/**
 * A job did not reach a terminal state within {@code waitTimeout}. The job id is kept so a route can check on it
 * later (e.g. with the component's {@code status} operation) instead of submitting, and paying for, it again.
 */
public class InferenceJobTimeoutException extends InferenceException {

    private final String jobId;
    private final String lastStatus;
    private final Duration waited;

    public InferenceJobTimeoutException(String provider, String jobId, String lastStatus, Duration waited) {
        super(provider, provider + " job " + jobId + " did not finish within waitTimeout " + waited.toMillis()
                + " ms (last state " + lastStatus + "); check on it later by its id instead of resubmitting");
        this.jobId = jobId;
        this.lastStatus = lastStatus;
        this.waited = waited;
    }

    public String getJobId() {
        return jobId;
    }

    public String getLastStatus() {
        return lastStatus;
    }

    public Duration getWaited() {
        return waited;
    }
}

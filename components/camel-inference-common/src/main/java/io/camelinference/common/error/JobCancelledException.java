package io.camelinference.common.error;

import java.util.concurrent.CancellationException;

/** Waiting for a job stopped before it ended (the producer or route stopped); the job itself may still run. */
public class JobCancelledException extends CancellationException implements HasJobId {

    private final String jobId;

    public JobCancelledException(String jobId, String message) {
        super(message);
        this.jobId = jobId;
    }

    @Override
    public String getJobId() {
        return jobId;
    }
}

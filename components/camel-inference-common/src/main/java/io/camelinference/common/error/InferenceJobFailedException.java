package io.camelinference.common.error;

/** A job the service accepted ended in its failure state (UnityPredict {@code Error}, Deepomatic {@code error}, ...). */
public class InferenceJobFailedException extends InferenceException implements HasJobId {

    private final String jobId;
    private final String status;
    private final String serviceMessage;

    public InferenceJobFailedException(String provider, String jobId, String status, String serviceMessage) {
        super(provider, provider + " job " + jobId + " ended in state " + status
                + (serviceMessage == null || serviceMessage.isBlank() ? "" : ": " + serviceMessage));
        this.jobId = jobId;
        this.status = status;
        this.serviceMessage = serviceMessage;
    }

    /** The service's id for the job (request id, task id, job id). */
    @Override
    public String getJobId() {
        return jobId;
    }

    /** The terminal state the service reported. */
    public String getStatus() {
        return status;
    }

    /** The service's explanation, when it gave one. */
    public String getServiceMessage() {
        return serviceMessage;
    }
}

package io.camelinference.common.error;

/** A failure about one job the service knows by this id, so a binding can still name it in the message headers. */
public interface HasJobId {

    /** The service's id of the job (request id, task id, job id). */
    String getJobId();
}

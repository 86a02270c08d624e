package io.camelinference.common.job;

import java.util.Collection;

/**
 * A request whose jobs are kept in the job store under these keys until its exchange has completed, not merely until
 * the operation finished: an application killed after the operation but before the route wrote the result and the
 * consumer committed the message would otherwise see the message again with nothing remembered, and pay again. The
 * producer releases the keys when the exchange completes successfully; a failed exchange leaves them, so its redelivery
 * resumes (and they expire with the store's time to live if it never comes).
 */
public interface ResumableRequest {

    /** The job keys of this request; empty when the message cannot be recognised again. */
    Collection<String> jobKeys();
}

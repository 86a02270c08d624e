package io.camelinference.common.poll;

import java.util.function.Consumer;

/**
 * Answers about a job that arrive without its poller asking: a batched status request that had room took the job's id
 * along (see {@link BatchStatusChecker}). The poller takes such an answer as a check made now: a finished job ends
 * early, a running one has its next check pushed back, so its own check comes due later or not at all.
 *
 * @param <T> the job result type
 */
public interface StatusFeed<T> {

    /** Feeds the job's statuses to {@code listener} until the subscription is cancelled. */
    Subscription subscribe(String jobId, Consumer<JobStatus<T>> listener);

    /** Stops a feed. */
    @FunctionalInterface
    interface Subscription {
        void cancel();
    }
}

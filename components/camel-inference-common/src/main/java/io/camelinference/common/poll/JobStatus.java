package io.camelinference.common.poll;

/**
 * What one status check of a job found: still running, finished with a result, or ended in the service's failure state.
 *
 * @param <T> the job's result type
 */
public sealed interface JobStatus<T> {

    /** The service's own name for the state (e.g. {@code Processing}, {@code pending}, {@code Queued}). */
    String state();

    static <T> JobStatus<T> running(String state) {
        return new Running<>(state);
    }

    static <T> JobStatus<T> done(String state, T result) {
        return new Done<>(state, result);
    }

    static <T> JobStatus<T> failed(String state, String message) {
        return new Failed<>(state, message);
    }

    record Running<T>(String state) implements JobStatus<T> {
    }

    record Done<T>(String state, T result) implements JobStatus<T> {
    }

    record Failed<T>(String state, String message) implements JobStatus<T> {
    }
}

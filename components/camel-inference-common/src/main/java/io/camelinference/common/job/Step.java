package io.camelinference.common.job;

/**
 * What one step of a {@link JobChain} ended with: the next state (stored before the chain goes on, so a restart resumes
 * there) or the job's result.
 *
 * @param <S> the chain's state type
 * @param <T> the job's result type
 */
public sealed interface Step<S, T> {

    static <S, T> Step<S, T> next(S state) {
        return new Next<>(state);
    }

    static <S, T> Step<S, T> done(T result) {
        return new Done<>(result);
    }

    /** Go on from this state. */
    record Next<S, T>(S state) implements Step<S, T> {
    }

    /** The job is finished (or handed over to the route, e.g. when it does not wait for completion). */
    record Done<S, T>(T result) implements Step<S, T> {
    }
}

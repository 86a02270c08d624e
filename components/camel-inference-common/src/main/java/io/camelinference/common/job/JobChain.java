package io.camelinference.common.job;

import java.util.concurrent.CompletableFuture;

import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceJobFailedException;

/**
 * A billed job as a chain of steps whose state is stored between steps, so the same message resumes where it stopped
 * (after a failure, a restart, or on another replica) instead of creating and paying for the job again. A component
 * writes the steps; {@link ResumableJobs} stores, resumes, recovers and forgets.
 * <p>
 * Typical states: nothing yet; "submitting request R" (stored before the billed call); "request R accepted, waiting";
 * and for multi-step services, "sources created", "job J started", "export E started".
 *
 * @param <S> the state type (a record, stored through a {@link StateCodec})
 * @param <T> the job's result type
 */
public interface JobChain<S, T> {

    /** The state a message starts from when the store has none for it. */
    S initial();

    /**
     * Runs the step the state stands at and says what comes next. Called on a completion thread, never on an I/O
     * thread, so it may block briefly (spooling a stream, a store write).
     *
     * @param checkpoint stores a state before a billed call (see {@link Checkpoint})
     */
    CompletableFuture<Step<S, T>> advance(S state, Checkpoint<S> checkpoint);

    /**
     * Called when {@link #advance} failed: the state to go on from instead of failing, typically an earlier step when
     * the service no longer knows the id the state names (a 404 for a remembered job after the service was reset), or
     * null to fail with the error. The default recovers from nothing.
     */
    default S recover(S state, Throwable error) {
        return null;
    }

    /**
     * Called when the message fails: the state a later attempt of the same message starts from, or null to forget the
     * message. The default forgets a job the service itself failed (a new attempt must submit again) and keeps any other
     * state (a timeout, an outage), so the next attempt resumes waiting instead of paying twice.
     */
    default S keepAfterFailure(S state, Throwable error) {
        return Failures.cause(error) instanceof InferenceJobFailedException ? null : state;
    }
}

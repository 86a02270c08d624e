package io.camelinference.common.job;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.camelinference.common.error.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link JobChain}s for the messages of one endpoint: the one implementation of submit-or-resume every billed
 * operation uses.
 * <ul>
 * <li>A message with a key (see {@link JobKeys}) claims it in the store ({@link JobStore#claim}: exclusive across
 * replicas where the store is shared) and starts from the state stored for it, or from the chain's initial state; each
 * step's next state is stored before the chain goes on, and a step may store a claim before a billed call
 * ({@link Checkpoint}). The hold on the key ends when the run ends ({@link JobStore#unclaim}); a message another
 * holder runs now fails with {@link JobClaimedException} before anything is sent.</li>
 * <li>When a step fails, the chain may name a state to go on from ({@link JobChain#recover}), e.g. the step before when
 * the service answered 404 for a remembered id; at most {@value #MAX_RECOVERIES} times per run.</li>
 * <li>A finished job's key stays until {@link #release} (the producer releases it once the exchange completed, see
 * {@link ResumableRequest}; {@link JobStore#complete}); a failed one is removed or kept as the chain says
 * ({@link JobChain#keepAfterFailure}); what nobody comes back for expires with the store's time to live.</li>
 * <li>A store write that fails (a store out of reach, a claim another replica took over) fails the message; it never
 * leaves it hanging, and a step whose checkpoint could not be stored does not send its billed call.</li>
 * </ul>
 * Messages without a key run the same chain without storing anything.
 */
public final class ResumableJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ResumableJobs.class);
    static final int MAX_RECOVERIES = 3;

    private final String provider;
    private final JobStore store;
    private final Consumer<Runnable> continuation;

    /**
     * @param provider     the service, for log lines
     * @param store        where states are kept
     * @param continuation runs a step after an asynchronous one finished (off the HTTP I/O threads)
     */
    public ResumableJobs(String provider, JobStore store, Consumer<Runnable> continuation) {
        this.provider = provider;
        this.store = store;
        this.continuation = continuation;
    }

    public JobStore store() {
        return store;
    }

    /** Forgets a finished job's key: its message is done (its exchange completed). */
    public void release(String key) {
        if (key != null) {
            store.complete(key);
        }
    }

    /**
     * Runs (or resumes) the chain for the message key.
     *
     * @param key   identifies the message across attempts and restarts, or null for a message that cannot be recognised
     * @param chain the job's steps
     * @param codec how its state is stored
     */
    public <S, T> CompletableFuture<T> run(String key, JobChain<S, T> chain, StateCodec<S> codec) {
        Run<S, T> run = new Run<>(key, chain, codec);
        S start = null;
        if (key != null) {
            String stored;
            try {
                stored = store.claim(key);
            } catch (RuntimeException notClaimed) {
                // held by another replica, already completed, or the store is out of reach: nothing was sent
                return CompletableFuture.failedFuture(notClaimed);
            }
            run.claimed = true;
            run.stored = stored;
            start = stored == null ? null : codec.decode(stored);
            if (start != null) {
                LOG.info("Resuming the {} job of message {} from its stored state", provider, describe(key));
            }
        }
        run.step(start != null ? start : chain.initial(), 0, false);
        return run.result;
    }

    /** The key without the file path details, for logs. */
    private static String describe(String key) {
        return key.length() <= 120 ? key : key.substring(0, 117) + "...";
    }

    private final class Run<S, T> {
        private final String key;
        private final JobChain<S, T> chain;
        private final StateCodec<S> codec;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        /** The state the message is in: the step's, or the claim a step saved since. */
        private volatile S current;
        /** What the store holds for the key, as last written or read (null when nothing). */
        private volatile String stored;
        /** Whether this run holds the key's claim, to be ended once when the run ends. */
        private volatile boolean claimed;

        Run(String key, JobChain<S, T> chain, StateCodec<S> codec) {
            this.key = key;
            this.chain = chain;
            this.codec = codec;
        }

        void save(S state) {
            if (key != null) {
                // nothing is stored (nor encoded) for a message that cannot be recognised
                String encoded = codec.encode(state);
                if (!encoded.equals(stored)) {
                    // an unchanged state is not written again: its time to live counts from when it last changed
                    store.put(key, encoded);
                    stored = encoded;
                }
            }
            // only once stored: a claim that could not be stored must not count as made (nothing was sent)
            current = state;
        }

        void forget() {
            if (key != null) {
                store.remove(key);
                stored = null;
            }
        }

        /** Runs the step at {@code state}; later steps continue off the thread that completed the previous one. */
        void step(S state, int recoveries, boolean async) {
            if (async) {
                continuation.accept(() -> step(state, recoveries, false));
                return;
            }
            current = state;
            CompletableFuture<Step<S, T>> next;
            try {
                next = Objects.requireNonNull(chain.advance(state, this::save), "a step returned no future");
            } catch (RuntimeException e) {
                next = CompletableFuture.failedFuture(e);
            }
            // settled on a completion thread: a step may complete on the scheduler (a job's deadline, a timer), and the
            // store writes that follow (a database UPDATE) must not hold the one thread every pending job's checks use
            next.whenComplete((step, error) -> continuation.accept(() -> settle(step, error, recoveries)));
        }

        private void settle(Step<S, T> step, Throwable error, int recoveries) {
            if (error != null) {
                failed(current, Failures.cause(error), recoveries);
                return;
            }
            if (step instanceof Step.Next<S, T> n) {
                try {
                    save(n.state());
                } catch (RuntimeException storeFailed) {
                    // the next state could not be stored: going on could resume from a stale one
                    failed(current, storeFailed, recoveries);
                    return;
                }
                step(n.state(), recoveries, true);
            } else {
                // the key stays until the exchange completes (release): the message is not done yet
                endClaim();
                result.complete(((Step.Done<S, T>) step).result());
            }
        }

        /** Ends this run's hold on the key; a store that cannot be told lets the hold lapse with its lease. */
        private void endClaim() {
            if (claimed) {
                claimed = false;
                try {
                    store.unclaim(key);
                } catch (RuntimeException e) {
                    LOG.warn("{}: could not end the claim on message {} ({}); it lapses with its lease", provider,
                            describe(key), e.getMessage());
                }
            }
        }

        private void failed(S state, Throwable error, int recoveries) {
            S recovered = null;
            if (recoveries < MAX_RECOVERIES) {
                try {
                    recovered = chain.recover(state, error);
                } catch (RuntimeException e) {
                    error.addSuppressed(e);
                }
            }
            if (recovered != null) {
                LOG.warn("{}: {}; going on from an earlier step", provider, error.getMessage());
                try {
                    save(recovered);
                    step(recovered, recoveries + 1, true);
                    return;
                } catch (RuntimeException storeFailed) {
                    error.addSuppressed(storeFailed);
                }
            }
            try {
                S keep = chain.keepAfterFailure(state, error);
                if (keep == null || codec.encode(keep).equals(codec.encode(chain.initial()))) {
                    forget();
                } else {
                    save(keep);
                }
            } catch (RuntimeException storeFailed) {
                // the message fails anyway; what was stored last stays for its next attempt
                if (storeFailed != error) {
                    error.addSuppressed(storeFailed);
                }
            }
            endClaim();
            result.completeExceptionally(error);
        }
    }
}

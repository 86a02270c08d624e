package io.camelinference.common.job;

import java.time.Duration;

/**
 * Where resumable jobs keep their progress between steps, keyed by the message that started them, so that a restart
 * (or another replica) resumes a job instead of submitting, and paying for, it again.
 * <p>
 * Entries carry the time they were last written; {@link #get(String)} does not return an entry older than the store's
 * time to live, and {@link #expire()} removes such entries, so the state of jobs nobody comes back for (timed out,
 * dead-lettered) does not grow without bound. Implementations: {@link MemoryJobStore}, {@link FileJobStore}, and
 * {@link StateRepositoryJobStore} for a Camel {@code StateRepository}.
 */
public interface JobStore {

    /** The state stored for the key, or null when there is none or it expired. */
    String get(String key);

    /** Stores (or replaces) the state of the key and refreshes its time. */
    void put(String key, String value);

    /**
     * Stores the state only if the key has none (or only an expired one): the claim a replica makes before a billed
     * submit, so that two holders of the same message never both submit.
     *
     * @return true when this call stored it
     */
    boolean putIfAbsent(String key, String value);

    /** Removes the key: its job is finished, or given up for good. */
    void remove(String key);

    /** How many live entries the store holds. */
    int size();

    /** Removes the entries older than the time to live; returns how many it removed. */
    int expire();

    /** How long an entry lives after its last write. */
    Duration timeToLive();

    /**
     * Claims the key for a run of its job in this JVM and returns its stored state (null when there is none): what
     * {@link ResumableJobs} calls before it runs or resumes a message's chain. A store shared by several replicas makes
     * this an exclusive, leased hold, so that two replicas holding the same message (a redelivery after a rebalance or
     * a crash) never run its chain at the same time; the hold ends with {@link #unclaim}, or lapses when the replica
     * holding it is gone. The stores of one JVM hold the key against other exchanges of this JVM ({@link LocalJobStore});
     * the default only reads.
     *
     * @throws JobClaimedException          another replica (or another exchange of this JVM) runs the key's job now
     * @throws JobAlreadyCompletedException a shared store remembers that the key's message completed
     */
    default String claim(String key) {
        return get(key);
    }

    /** Ends this JVM's hold on the key (its run finished or failed); the stored state, if any, stays. */
    default void unclaim(String key) {
    }

    /**
     * The key's message completed (its exchange finished): forget its job. A shared store may remember that it
     * completed for a while, so that a copy of the message delivered to another replica is not run, and paid for,
     * again (see {@link JobAlreadyCompletedException}). The default removes the key.
     */
    default void complete(String key) {
        remove(key);
    }

    /** Starts the store (opens files, connections); a no-op for most stores. */
    default void start() {
    }

    /** Stops the store; a no-op for most stores. */
    default void stop() {
    }
}

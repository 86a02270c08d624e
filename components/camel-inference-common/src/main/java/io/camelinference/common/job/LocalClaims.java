package io.camelinference.common.job;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message keys whose jobs run in this JVM right now, for the stores of one JVM: a second exchange carrying a key
 * that is held (a redelivered copy while the first still runs, two routes picking up the same file) is refused before
 * it sends anything, so the job cannot be submitted, and paid for, twice. The hold ends with the run.
 */
public final class LocalClaims {

    private final Set<String> held = ConcurrentHashMap.newKeySet();

    /**
     * Holds the key for a run of its job.
     *
     * @throws JobClaimedException another exchange of this JVM runs the key's job now
     */
    public void hold(String key) {
        if (!held.add(key)) {
            throw new JobClaimedException(key, "this JVM", null, "The job of message " + key + " is being run by"
                    + " another exchange of this JVM: this copy is not run too, so the job cannot be paid for twice."
                    + " Nothing was sent; retry the message later");
        }
    }

    /** Holds the key, then reads its state with {@code read}; a read that fails ends the hold again. */
    public String claim(String key, java.util.function.Function<String, String> read) {
        hold(key);
        try {
            return read.apply(key);
        } catch (RuntimeException e) {
            release(key);
            throw e;
        }
    }

    /** Ends the hold (the run finished or failed); nothing when the key is not held. */
    public void release(String key) {
        held.remove(key);
    }

    /** How many keys are held now. */
    public int size() {
        return held.size();
    }
}

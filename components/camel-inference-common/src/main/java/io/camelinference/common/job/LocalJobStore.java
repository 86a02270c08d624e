package io.camelinference.common.job;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A job store of one JVM (memory, file, a Camel StateRepository). It holds the key of each message whose job runs here
 * right now: a second exchange carrying a held key (a redelivered copy while the first still runs, two routes picking up
 * the same file) is refused before it sends anything, so the job cannot be submitted, and paid for, twice. The hold
 * ends with the run.
 */
public abstract class LocalJobStore implements JobStore {

    private final Set<String> held = ConcurrentHashMap.newKeySet();

    /**
     * Holds the key for this JVM's run of its job, then reads its state.
     *
     * @throws JobClaimedException another exchange of this JVM runs the key's job now
     */
    @Override
    public String claim(String key) {
        if (!held.add(key)) {
            throw new JobClaimedException(key, "this JVM", null, "The job of message " + key + " is being run by"
                    + " another exchange of this JVM: this copy is not run too, so the job cannot be paid for twice."
                    + " Nothing was sent; retry the message later");
        }
        try {
            return get(key);
        } catch (RuntimeException e) {
            held.remove(key);
            throw e;
        }
    }

    @Override
    public void unclaim(String key) {
        held.remove(key);
    }

    @Override
    public void complete(String key) {
        held.remove(key);
        remove(key);
    }
}

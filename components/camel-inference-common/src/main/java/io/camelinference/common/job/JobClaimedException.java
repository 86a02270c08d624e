package io.camelinference.common.job;

import java.time.Instant;

import org.apache.camel.RuntimeCamelException;

/**
 * The job of a message is being run right now by another replica (or by another exchange of this JVM), so this one
 * does not run it: two holders of the same message must never both submit it. Nothing was sent. Retry the message
 * later: once the holder finishes, its state (or its completion) is there to resume from; if the holder is gone, its
 * claim lapses at {@link #getLeaseUntil()} and the next attempt takes the job over.
 */
public class JobClaimedException extends RuntimeCamelException {

    private final String key;
    private final String owner;
    private final Instant leaseUntil;

    public JobClaimedException(String key, String owner, Instant leaseUntil, String message) {
        super(message);
        this.key = key;
        this.owner = owner;
        this.leaseUntil = leaseUntil;
    }

    /** The message's job key. */
    public String getKey() {
        return key;
    }

    /** The replica holding the claim. */
    public String getOwner() {
        return owner;
    }

    /** When the holder's claim lapses unless it renews it; null when held by this JVM. */
    public Instant getLeaseUntil() {
        return leaseUntil;
    }
}

package io.camelinference.common.job;

import java.time.Instant;

import org.apache.camel.RuntimeCamelException;

/**
 * The message's job key belongs to a message that already completed (its result was delivered), as a shared job store
 * remembers: this copy of it (a redelivery to another replica after a crash or a rebalance, before the first one's
 * position was committed) is not run, and not paid for, again. Nothing was sent. A route usually drops such a message;
 * to run the same content again on purpose, send it with a new job key.
 */
public class JobAlreadyCompletedException extends RuntimeCamelException {

    private final String key;
    private final String completedBy;
    private final Instant completedAt;

    public JobAlreadyCompletedException(String key, String completedBy, Instant completedAt, String message) {
        super(message);
        this.key = key;
        this.completedBy = completedBy;
        this.completedAt = completedAt;
    }

    /** The message's job key. */
    public String getKey() {
        return key;
    }

    /** The replica whose exchange completed it, when known. */
    public String getCompletedBy() {
        return completedBy;
    }

    /** When it completed. */
    public Instant getCompletedAt() {
        return completedAt;
    }
}

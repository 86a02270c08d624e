package io.camelinference.common.job;

import org.apache.camel.RuntimeCamelException;

/**
 * This replica's claim on a message's job lapsed (its lease was not renewed in time: a long pause, or the shared store
 * was out of reach) and another replica has taken the job over since. The write that found it out was refused and
 * this replica stops running the job, so that the two never both submit it; the other replica carries it on.
 */
public class JobClaimLostException extends RuntimeCamelException {

    private final String key;
    private final String owner;

    public JobClaimLostException(String key, String owner, String message) {
        super(message);
        this.key = key;
        this.owner = owner;
    }

    /** The message's job key. */
    public String getKey() {
        return key;
    }

    /** The replica that holds the job now, when known. */
    public String getOwner() {
        return owner;
    }
}

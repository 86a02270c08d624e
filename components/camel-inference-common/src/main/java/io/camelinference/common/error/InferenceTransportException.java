package io.camelinference.common.error;

/**
 * No usable answer: connection refused or dropped, timeout, unreadable body, or a {@code Retry-After} longer than
 * the configured cap. {@link #isMaybeReceived()} tells whether the service may have received (and billed) the request.
 */
public class InferenceTransportException extends InferenceException {

    private final boolean maybeReceived;

    public InferenceTransportException(String provider, String message, boolean maybeReceived, Throwable cause) {
        super(provider, message, cause);
        this.maybeReceived = maybeReceived;
    }

    /** True when the request may have reached the service before the failure, so it may have been processed. */
    public boolean isMaybeReceived() {
        return maybeReceived;
    }
}

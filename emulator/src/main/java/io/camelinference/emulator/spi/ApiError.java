package io.camelinference.emulator.spi;

/**
 * Thrown by a route handler (or anything it calls) to answer an error: the core renders it with the status and the
 * route's provider's {@link EmulatorProvider#errorBody error envelope}, so that a handler deep in validation needs no
 * reply plumbing and no provider writes its envelope twice.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public ApiError(int status, String message) {
        // an expected answer, not a failure: no stack trace to fill
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status to answer. */
    public int status() {
        return status;
    }
}

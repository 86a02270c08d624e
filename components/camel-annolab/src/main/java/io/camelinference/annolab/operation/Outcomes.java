package io.camelinference.annolab.operation;

import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceTransportException;

/** What a failed call that creates something says about whether the service did it. */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * The service may have done it but its answer is lost: the connection dropped or timed out after the request may
     * have arrived, the answer was unreadable, or a 5xx other than 503 (a server that failed after acting, or a
     * gateway that gave up waiting for it).
     */
    static boolean unknown(Throwable error) {
        Throwable cause = Failures.cause(error);
        if (cause instanceof InferenceTransportException transport) {
            return transport.isMaybeReceived();
        }
        return cause instanceof InferenceApiException api && api.getStatusCode() >= 500 && api.getStatusCode() != 503;
    }

    /**
     * The service certainly did not do it: it refused the request (4xx, or 503 Service Unavailable), or the request
     * never left this JVM.
     */
    static boolean refused(Throwable error) {
        Throwable cause = Failures.cause(error);
        if (cause instanceof InferenceTransportException transport) {
            return !transport.isMaybeReceived();
        }
        return cause instanceof InferenceApiException api
                && (api.getStatusCode() < 500 || api.getStatusCode() == 503);
    }

    /** Whether the failure is the service's 404: it does not know what the request named. */
    static boolean notFound(Throwable error) {
        return Failures.isStatus(error, 404);
    }
}

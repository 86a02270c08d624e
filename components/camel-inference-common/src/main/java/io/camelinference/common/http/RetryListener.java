package io.camelinference.common.http;

import io.camelinference.common.retry.RetryPolicy;

/**
 * Told each time an {@link InferenceHttpClient} sends a request again: after a failure its retry policy allowed
 * retrying, or after the service's rate limit. The component's metrics count retries through it.
 */
@FunctionalInterface
public interface RetryListener {

    RetryListener NONE = (request, reason) -> {
    };

    /**
     * @param request the request about to be sent again
     * @param reason  why: {@code transport} (no usable answer), {@code status_4xx} or {@code status_5xx} (e.g. 408,
     *                503), or {@code rate_limited}
     */
    void retrying(ApiRequest request, String reason);

    /** The reason of a retry after that outcome. */
    static String reason(RetryPolicy.Outcome outcome) {
        if (outcome.rateLimited()) {
            return "rate_limited";
        }
        return outcome.error() != null ? "transport" : "status_" + outcome.status() / 100 + "xx";
    }
}

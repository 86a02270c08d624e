package io.camelinference.common.metrics;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.error.InferenceJobTimeoutException;
import io.camelinference.common.error.InferenceOutcomeUnknownException;
import io.camelinference.common.error.InferenceTransportException;
import io.camelinference.common.error.SpendLimitExceededException;

/**
 * The kind of a failed call, as the {@code kind} tag of {@code camel.inference.failures} and the dev console show it:
 * {@code bad_input} (refused before sending: the message did not fit the operation), {@code spend_limit} (refused by
 * the spend guard), {@code api_4xx}, {@code api_5xx}, {@code auth} (401, 403), {@code rate_limited} (429 beyond
 * maxRateLimitWait), {@code transport} (no usable answer), {@code job_failed}, {@code timeout}, {@code cancelled}
 * (stopped waiting, e.g. the route stopped), {@code outcome_unknown}, or {@code other}.
 */
public final class FailureKinds {

    private FailureKinds() {
    }

    public static String of(Throwable error) {
        Throwable e = Failures.cause(error);
        if (e instanceof SpendLimitExceededException) {
            return "spend_limit";
        }
        if (e instanceof IllegalArgumentException) {
            return "bad_input";
        }
        if (e instanceof InferenceApiException api) {
            int status = api.getStatusCode();
            if (status == 401 || status == 403) {
                return "auth";
            }
            if (status == 429) {
                return "rate_limited";
            }
            return status >= 500 ? "api_5xx" : "api_4xx";
        }
        if (e instanceof InferenceJobFailedException) {
            return "job_failed";
        }
        if (e instanceof InferenceJobTimeoutException || e instanceof TimeoutException) {
            return "timeout";
        }
        if (e instanceof CancellationException) {
            return "cancelled";
        }
        if (e instanceof InferenceTransportException) {
            return "transport";
        }
        if (e instanceof InferenceOutcomeUnknownException) {
            return "outcome_unknown";
        }
        return "other";
    }
}

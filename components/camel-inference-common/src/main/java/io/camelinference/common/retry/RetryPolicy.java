package io.camelinference.common.retry;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * Decides whether a failed request is tried again and after how long.
 * <ul>
 * <li>Retried: connect failures, 408, 429 and 5xx (5xx and mid-request failures only for {@link RetrySafety#IDEMPOTENT}
 * requests), at most {@code maxRetries} times, with exponential backoff and jitter.</li>
 * <li>A {@code Retry-After} from the service replaces the backoff, but only up to {@code maxRetryAfter}: a longer one
 * fails the request at once with a message saying so, instead of silently waiting (the camel-http hour-long hang,
 * CAMEL-23345).</li>
 * </ul>
 */
public final class RetryPolicy {

    private final int maxRetries;
    private final Backoff backoff;
    private final Duration maxRetryAfter;

    public RetryPolicy(int maxRetries, Backoff backoff, Duration maxRetryAfter) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
        }
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.maxRetryAfter = maxRetryAfter;
    }

    /** A policy that never retries. */
    public static RetryPolicy none() {
        return new RetryPolicy(0, new Backoff(Duration.ZERO, Duration.ZERO, false), Duration.ZERO);
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** What the last attempt ended with. Exactly one of status and error is set. */
    public record Outcome(int status, Duration retryAfter, Throwable error) {

        public static Outcome status(int status, Duration retryAfter) {
            return new Outcome(status, retryAfter, null);
        }

        public static Outcome error(Throwable error) {
            return new Outcome(0, null, error);
        }

        /** The connection was never established, so the service cannot have seen the request. */
        public boolean neverSent() {
            return error != null && isConnectFailure(error);
        }
    }

    /** The decision for one failed attempt. */
    public sealed interface Decision permits Retry, GiveUp {
    }

    /** Send again after {@code delay}. */
    public record Retry(Duration delay) implements Decision {
    }

    /** Do not send again; {@code reason} says why when it is more than "not retryable" (e.g. a too long Retry-After). */
    public record GiveUp(Optional<String> reason) implements Decision {
    }

    /**
     * @param retriesDone how many retries were already made for this request
     * @param outcome     how the last attempt ended
     * @param safety      whether the request may be re-sent once received
     * @param replayable  whether the request body can be produced again (an InputStream already read cannot)
     */
    public Decision decide(int retriesDone, Outcome outcome, RetrySafety safety, boolean replayable) {
        if (!isRetryable(outcome, safety, replayable)) {
            return new GiveUp(Optional.empty());
        }
        if (retriesDone >= maxRetries) {
            return new GiveUp(Optional.of("gave up after " + (retriesDone + 1) + " attempts"));
        }
        Duration retryAfter = outcome.retryAfter();
        if (retryAfter != null) {
            if (retryAfter.compareTo(maxRetryAfter) > 0) {
                return new GiveUp(Optional.of("the service asked to retry after " + retryAfter.toSeconds()
                        + " s, longer than maxRetryAfter " + maxRetryAfter.toMillis() + " ms"));
            }
            return new Retry(retryAfter);
        }
        return new Retry(backoff.delay(retriesDone));
    }

    private static boolean isRetryable(Outcome outcome, RetrySafety safety, boolean replayable) {
        if (outcome.neverSent()) {
            return true;
        }
        if (!replayable) {
            return false;
        }
        if (outcome.error() != null) {
            // dropped connection, response timeout, reset: the service may have received it
            return safety == RetrySafety.IDEMPOTENT;
        }
        int status = outcome.status();
        if (status == 408 || status == 429) {
            return true;
        }
        return status >= 500 && safety == RetrySafety.IDEMPOTENT;
    }

    static boolean isConnectFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }
}

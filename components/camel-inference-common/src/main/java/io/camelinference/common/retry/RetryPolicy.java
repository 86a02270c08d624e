package io.camelinference.common.retry;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.util.DeadlineTimeoutException;

/**
 * Decides whether a failed request is tried again and after how long.
 * <ul>
 * <li>Never sent (connect failures, a request HttpClient reports as not executed, a pool lease that timed out): always
 * retried, whatever the call's billing, up to {@code maxRetries}.</li>
 * <li>Rate limited (429, and 503 with {@code Retry-After}): not an error of the request but the service's pacing;
 * {@link RateLimited} hands it to the service's shared cool-down, outside {@code maxRetries}.</li>
 * <li>408 and 503 (the service says it did not process the request), and for {@link RetrySafety#IDEMPOTENT} requests
 * only other 5xx and mid-request failures: retried up to {@code maxRetries} times with exponential backoff and jitter;
 * a billed or job-creating call is not re-sent once the service may have processed it.</li>
 * <li>A {@code Retry-After} longer than {@code maxRetryAfter} fails the request at once with a message saying so,
 * instead of silently waiting (the camel-http hour-long hang, CAMEL-23345).</li>
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

    public Backoff backoff() {
        return backoff;
    }

    /** What the last attempt ended with. Exactly one of status and error is set. */
    public record Outcome(int status, Duration retryAfter, Throwable error) {

        public static Outcome status(int status, Duration retryAfter) {
            return new Outcome(status, retryAfter, null);
        }

        public static Outcome error(Throwable error) {
            return new Outcome(0, null, error);
        }

        /** The request never left this JVM, so the service cannot have seen it. */
        public boolean neverSent() {
            return error != null && isNeverSent(error);
        }

        /** The service asked us to slow down: 429, or a 503 that says when to come back. */
        public boolean rateLimited() {
            return status == 429 || (status == 503 && retryAfter != null);
        }
    }

    /** The decision for one failed attempt. */
    public sealed interface Decision permits Retry, RateLimited, GiveUp {
    }

    /** Send again after {@code delay}. */
    public record Retry(Duration delay) implements Decision {
    }

    /** The service is rate limiting: wait for the shared cool-down ({@code retryAfter} when it said, else backoff). */
    public record RateLimited(Duration retryAfter) implements Decision {
    }

    /** Do not send again; {@code reason} says why when it is more than "not retryable" (e.g. a too long Retry-After). */
    public record GiveUp(Optional<String> reason) implements Decision {
    }

    /**
     * @param retriesDone how many retries (not counting rate-limit waits) were already made for this request
     * @param outcome     how the last attempt ended
     * @param safety      whether the request may be re-sent once received
     * @param replayable  whether the request body can be produced again (an InputStream already read cannot)
     */
    public Decision decide(int retriesDone, Outcome outcome, RetrySafety safety, boolean replayable) {
        Duration retryAfter = outcome.retryAfter();
        if (retryAfter != null && retryAfter.compareTo(maxRetryAfter) > 0 && isRetryable(outcome, safety, replayable)) {
            return new GiveUp(Optional.of("the service asked to retry after " + retryAfter.toSeconds()
                    + " s, longer than maxRetryAfter " + maxRetryAfter.toMillis() + " ms"));
        }
        if (outcome.rateLimited() && replayable) {
            return new RateLimited(retryAfter);
        }
        if (!isRetryable(outcome, safety, replayable)) {
            return new GiveUp(Optional.empty());
        }
        if (retriesDone >= maxRetries) {
            return new GiveUp(Optional.of("gave up after " + (retriesDone + 1) + " attempts"));
        }
        return new Retry(retryAfter != null ? retryAfter : backoff.delay(retriesDone));
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
        // 408, 429 and 503 say the service did not process the request (RFC 9110 15.5.9, RFC 6585 4, RFC 9110
        // 15.6.4): safe to send again even when it is billed
        if (status == 408 || status == 503 || outcome.rateLimited()) {
            return true;
        }
        return status >= 500 && safety == RetrySafety.IDEMPOTENT;
    }

    /** Whether the failure happened before any byte of the request could reach the service. */
    public static boolean isNeverSent(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof RequestNotExecutedException || t instanceof ConnectionRequestTimeoutException
                    // HttpClient's connection pools fail a lease that waited too long with this one
                    || t instanceof DeadlineTimeoutException || t instanceof NotSentException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Thrown for a request given up before it was handed to the transport (e.g. its deadline passed in the queue). */
    public static final class NotSentException extends Exception {
        public NotSentException(String message) {
            super(message, null, false, false);
        }
    }
}

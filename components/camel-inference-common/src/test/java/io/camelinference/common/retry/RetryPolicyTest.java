package io.camelinference.common.retry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.apache.hc.core5.http.ConnectionClosedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), false),
            Duration.ofSeconds(30));

    private RetryPolicy.Decision decide(RetryPolicy.Outcome outcome, RetrySafety safety) {
        return policy.decide(0, outcome, safety, true);
    }

    @Test
    void connectFailuresAreRetriedForEveryRequestBecauseNothingWasSent() {
        RetryPolicy.Outcome refused = RetryPolicy.Outcome.error(new IOException(new ConnectException("refused")));
        assertThat(decide(refused, RetrySafety.NOT_AFTER_RECEIVED)).isInstanceOf(RetryPolicy.Retry.class);
        // even a stream body that cannot be produced twice: it was never read
        assertThat(policy.decide(0, refused, RetrySafety.NOT_AFTER_RECEIVED, false)).isInstanceOf(RetryPolicy.Retry.class);
    }

    @Test
    void failuresAfterSendingAreRetriedOnlyForIdempotentRequests() {
        RetryPolicy.Outcome dropped = RetryPolicy.Outcome.error(new ConnectionClosedException("closed"));
        RetryPolicy.Outcome timedOut = RetryPolicy.Outcome.error(new SocketTimeoutException("read"));
        assertThat(decide(dropped, RetrySafety.IDEMPOTENT)).isInstanceOf(RetryPolicy.Retry.class);
        assertThat(decide(dropped, RetrySafety.NOT_AFTER_RECEIVED)).isInstanceOf(RetryPolicy.GiveUp.class);
        assertThat(decide(timedOut, RetrySafety.NOT_AFTER_RECEIVED)).isInstanceOf(RetryPolicy.GiveUp.class);
    }

    @Test
    void statusesThatMeanNotProcessedAreRetriedForEveryRequest() {
        assertThat(decide(RetryPolicy.Outcome.status(408, null), RetrySafety.NOT_AFTER_RECEIVED))
                .isInstanceOf(RetryPolicy.Retry.class);
        // a rate limit is the service's pacing: handed to the shared cool-down, whatever the billing, outside maxRetries
        assertThat(decide(RetryPolicy.Outcome.status(429, null), RetrySafety.NOT_AFTER_RECEIVED))
                .isInstanceOf(RetryPolicy.RateLimited.class);
        assertThat(policy.decide(99, RetryPolicy.Outcome.status(429, null), RetrySafety.NOT_AFTER_RECEIVED, true))
                .isInstanceOf(RetryPolicy.RateLimited.class);
        assertThat(decide(RetryPolicy.Outcome.status(503, Duration.ofSeconds(2)), RetrySafety.NOT_AFTER_RECEIVED))
                .isEqualTo(new RetryPolicy.RateLimited(Duration.ofSeconds(2)));
    }

    @Test
    void requestsThatNeverLeftAreRetriedWhateverTheirBilling() {
        for (Exception notSent : new Exception[] { new org.apache.hc.core5.http.RequestNotExecutedException(),
                new org.apache.hc.core5.http.ConnectionRequestTimeoutException("lease"),
                org.apache.hc.core5.util.DeadlineTimeoutException.from(org.apache.hc.core5.util.Deadline.fromUnixMilliseconds(0)), new java.net.ConnectException("refused") }) {
            assertThat(policy.decide(0, RetryPolicy.Outcome.error(notSent), RetrySafety.NOT_AFTER_RECEIVED, false))
                    .as(notSent.getClass().getSimpleName()).isInstanceOf(RetryPolicy.Retry.class);
        }
    }

    @Test
    void serverErrorsAreRetriedOnlyForIdempotentRequests() {
        // 503 says "not processed" and is retried for every request (see statusesThatMeanNotProcessed...)
        assertThat(decide(RetryPolicy.Outcome.status(503, null), RetrySafety.NOT_AFTER_RECEIVED))
                .isInstanceOf(RetryPolicy.Retry.class);
        for (int status : new int[] { 500, 502, 504 }) {
            assertThat(decide(RetryPolicy.Outcome.status(status, null), RetrySafety.IDEMPOTENT)).isInstanceOf(RetryPolicy.Retry.class);
            assertThat(decide(RetryPolicy.Outcome.status(status, null), RetrySafety.NOT_AFTER_RECEIVED))
                    .isInstanceOf(RetryPolicy.GiveUp.class);
        }
    }

    @Test
    void clientErrorsAreNeverRetried() {
        for (int status : new int[] { 400, 401, 403, 404, 409, 422 }) {
            assertThat(decide(RetryPolicy.Outcome.status(status, null), RetrySafety.IDEMPOTENT)).isInstanceOf(RetryPolicy.GiveUp.class);
        }
    }

    @Test
    void retryAfterReplacesTheBackoffUpToTheCap() {
        RetryPolicy.Decision honoured = decide(RetryPolicy.Outcome.status(429, Duration.ofSeconds(7)), RetrySafety.IDEMPOTENT);
        assertThat(((RetryPolicy.RateLimited) honoured).retryAfter()).isEqualTo(Duration.ofSeconds(7));

        RetryPolicy.Decision tooLong = decide(RetryPolicy.Outcome.status(429, Duration.ofHours(1)), RetrySafety.IDEMPOTENT);
        assertThat(((RetryPolicy.GiveUp) tooLong).reason()).hasValueSatisfying(r ->
                assertThat(r).contains("3600").contains("maxRetryAfter"));
    }

    @Test
    void retriesStopAtTheLimitSayingHowManyAttemptsWereMade() {
        RetryPolicy.Decision last = policy.decide(3, RetryPolicy.Outcome.status(503, null), RetrySafety.IDEMPOTENT, true);
        assertThat(((RetryPolicy.GiveUp) last).reason()).hasValue("gave up after 4 attempts");
    }

    @Test
    void aConsumedStreamBodyIsNotResent() {
        assertThat(policy.decide(0, RetryPolicy.Outcome.status(503, null), RetrySafety.IDEMPOTENT, false))
                .isInstanceOf(RetryPolicy.GiveUp.class);
    }
}

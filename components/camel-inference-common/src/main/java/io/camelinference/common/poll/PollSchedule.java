package io.camelinference.common.poll;

import java.time.Duration;

import io.camelinference.common.retry.Backoff;

/**
 * When a job is checked: first after {@code initialDelay}, then at doubling intervals (with jitter) up to
 * {@code maxInterval}, for at most {@code waitTimeout} in all.
 */
public record PollSchedule(Duration initialDelay, Duration maxInterval, Duration waitTimeout) {

    public PollSchedule {
        if (initialDelay.isNegative() || maxInterval.isNegative() || waitTimeout.isNegative()) {
            throw new IllegalArgumentException("Poll delays must not be negative");
        }
    }

    public Backoff backoff() {
        return new Backoff(initialDelay, maxInterval, true);
    }
}

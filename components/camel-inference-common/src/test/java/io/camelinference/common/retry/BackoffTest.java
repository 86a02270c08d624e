package io.camelinference.common.retry;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void doublesUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(2), false);
        assertThat(backoff.delay(0)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofMillis(2000));
        assertThat(backoff.delay(40)).isEqualTo(Duration.ofMillis(2000));
    }

    @RepeatedTest(20)
    void jitterStaysInTheUpperHalf() {
        Backoff backoff = new Backoff(Duration.ofMillis(1000), Duration.ofSeconds(10), true);
        assertThat(backoff.delay(1).toMillis()).isBetween(1000L, 2000L);
    }
}

package io.camelinference.common.http;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AttemptWatchdogTest {

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final AttemptWatchdog watchdog = new AttemptWatchdog(scheduler);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void anAttemptPastItsDeadlineExpiresOnceAndAFinishedOneNever() {
        AtomicInteger expired = new AtomicInteger();
        AtomicInteger finishedExpired = new AtomicInteger();
        long now = System.nanoTime();
        watchdog.watch(now + TimeUnit.MILLISECONDS.toNanos(150), expired::incrementAndGet);
        AttemptWatchdog.Watched finished = watchdog.watch(now + TimeUnit.MILLISECONDS.toNanos(150),
                finishedExpired::incrementAndGet);
        assertThat(finished.done()).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> expired.get() == 1);
        assertThat(finishedExpired).hasValue(0);
        assertThat(finished.done()).as("already gone").isFalse();
    }

    @Test
    void theSweepRunsOnlyWhileSomethingIsWatched() {
        AtomicInteger expired = new AtomicInteger();
        watchdog.watch(System.nanoTime(), expired::incrementAndGet);
        assertThat(scheduler.getQueue()).hasSize(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> expired.get() == 1 && scheduler.getQueue().isEmpty());
        assertThat(watchdog.watchedCount()).isZero();

        // and starts again with the next attempt
        watchdog.watch(System.nanoTime(), expired::incrementAndGet);
        await().atMost(Duration.ofSeconds(5)).until(() -> expired.get() == 2);
    }
}

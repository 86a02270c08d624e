package io.camelinference.common.spend;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelinference.common.billing.BillingUnit;
import io.camelinference.common.billing.Expected;
import io.camelinference.common.error.SpendLimitExceededException;
import io.camelinference.common.job.FileJobStore;
import io.camelinference.common.job.JobStore;
import io.camelinference.common.job.MemoryJobStore;
import io.camelinference.common.test.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SpendBudgetTest {

    static final BillingUnit CALLS = new BillingUnit("inferences", "inferences");
    static final Duration DAY = Duration.ofHours(24);

    @TempDir
    Path dir;

    private final MovableClock clock = MovableClock.at("2026-03-01T22:00:00Z");
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private SpendBudget budget(long limit) {
        return new SpendBudget("test", "test", CALLS, BigDecimal.valueOf(limit), DAY, () -> clock);
    }

    @Test
    void aCallThatWouldPassTheLimitIsRefusedCountingWhatCallsInFlightReserved() {
        SpendBudget budget = budget(3);
        SpendBudget.Reservation first = budget.reserve(Expected.exactly(2));

        assertThatThrownBy(() -> budget.reserve(Expected.exactly(2)))
                .isInstanceOf(SpendLimitExceededException.class)
                .hasMessageContaining("Budget test allows 3 inferences per 24h")
                .hasMessageContaining("(2026-03-01T00:00:00Z to 2026-03-02T00:00:00Z) 0 inferences were spent and 2"
                        + " reserved by calls in flight")
                .hasMessageContaining("this call would add 2 inferences")
                .hasMessageContaining("not sent");
        first.settle(BigDecimal.valueOf(2));
        budget.reserve(Expected.exactly(1)).settle(BigDecimal.ONE);

        assertThat(budget.spent()).isEqualByComparingTo("3");
        SpendLimitExceededException refused = catchRefusal(() -> budget.reserve(Expected.exactly(1)));
        assertThat(refused.getSpent()).isEqualByComparingTo("3");
        assertThat(refused.getWouldAdd()).isEqualByComparingTo("1");
        assertThat(refused.getPeriodEnd()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }

    @Test
    void aCallWhoseCostOnlyItsAnswerTellsIsRefusedOnceTheBudgetIsUsedUp() {
        SpendBudget budget = new SpendBudget("unitypredict", "unitypredict", new BillingUnit("usd", "USD"),
                new BigDecimal("0.00025"), DAY, () -> clock);
        budget.reserve(null).settle(new BigDecimal("0.0002"));
        // under the limit, and nothing says what the next one costs: it goes
        budget.reserve(null).settle(new BigDecimal("0.0001"));
        // the estimate of the next one would pass the limit
        assertThatThrownBy(() -> budget.reserve(Expected.about(new BigDecimal("0.0001"), "the recent average of model m")))
                .hasMessageContaining("this call would add about 0.0001 USD (the recent average of model m)");
        assertThatThrownBy(() -> budget.reserve(null))
                .hasMessageContaining("0.0003 USD were spent")
                .hasMessageContaining("known only from its answer, and the budget is used up");
    }

    @Test
    void aLimitOfZeroRefusesEveryBilledCall() {
        assertThatThrownBy(() -> budget(0).reserve(Expected.exactly(1))).isInstanceOf(SpendLimitExceededException.class);
        assertThatThrownBy(() -> budget(0).reserve(null)).isInstanceOf(SpendLimitExceededException.class);
    }

    @Test
    void periodsAreAlignedToUtcAndANewOneStartsFromZero() {
        SpendBudget budget = budget(2);
        budget.reserve(Expected.exactly(2)).settle(BigDecimal.valueOf(2));
        assertThatThrownBy(() -> budget.reserve(Expected.exactly(1))).isInstanceOf(SpendLimitExceededException.class);

        clock.set(Instant.parse("2026-03-01T23:59:59Z"));
        assertThat(budget.spent()).isEqualByComparingTo("2");
        clock.set(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(budget.spent()).isZero();
        assertThat(budget.periodStart()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        budget.reserve(Expected.exactly(2)).settle(BigDecimal.valueOf(2));
        assertThat(budget.spent()).isEqualByComparingTo("2");
    }

    @Test
    void whatWasSpentSurvivesARestartInTheJobStoreButNotIntoTheNextPeriod() throws Exception {
        Path file = dir.resolve("unitypredict.jobs");
        FileJobStore store = new FileJobStore(file, DAY);
        store.start();
        SpendBudget before = budget(10);
        AutoCloseable attached = before.attach(store, scheduler, Runnable::run);
        before.reserve(Expected.exactly(4)).settle(BigDecimal.valueOf(4));
        attached.close();
        store.stop();

        FileJobStore reopened = new FileJobStore(file, DAY);
        reopened.start();
        assertThat(reopened.get(SpendBudget.KEY_PREFIX + "test")).endsWith(" 4");
        SpendBudget after = budget(10);
        after.attach(reopened, scheduler, Runnable::run);
        assertThat(after.spent()).isEqualByComparingTo("4");

        clock.advance(Duration.ofHours(3));
        SpendBudget nextDay = budget(10);
        nextDay.attach(reopened, scheduler, Runnable::run);
        assertThat(nextDay.spent()).isZero();
        reopened.stop();
    }

    @Test
    void theStoredSpendIsRewrittenWithinTheStoresTimeToLive() throws Exception {
        MovableClock storeClock = MovableClock.at("2026-03-01T22:00:00Z");
        AtomicInteger writes = new AtomicInteger();
        JobStore store = new MemoryJobStore(Duration.ofSeconds(4), storeClock) {
            @Override
            public void put(String key, String value) {
                writes.incrementAndGet();
                super.put(key, value);
            }
        };
        SpendBudget budget = budget(10);
        budget.attach(store, scheduler, Runnable::run);
        budget.reserve(Expected.exactly(1)).settle(BigDecimal.ONE);
        assertThat(writes).hasValue(1);
        storeClock.advance(Duration.ofSeconds(3));

        // refreshed every quarter of the time to live (at least every second)
        await().atMost(Duration.ofSeconds(5)).until(() -> writes.get() >= 2);
        storeClock.advance(Duration.ofSeconds(3));
        // 6 s after the first write, 3 s after the refresh: still there
        assertThat(store.get(budget.key())).isNotNull();
    }

    @Test
    void aSlowStoreHoldsNeitherOtherCallsNorTheSchedulerThread() throws Exception {
        java.util.concurrent.CountDownLatch storeAnswers = new java.util.concurrent.CountDownLatch(1);
        java.util.List<String> writtenOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        JobStore slow = new MemoryJobStore(Duration.ofSeconds(4)) {
            @Override
            public void put(String key, String value) {
                writtenOn.add(Thread.currentThread().getName());
                try {
                    storeAnswers.await(); // a database that does not answer
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.put(key, value);
            }
        };
        SpendBudget budget = budget(10);
        java.util.concurrent.ExecutorService completions = Executors.newSingleThreadExecutor(
                r -> new Thread(r, "completion"));
        try {
            budget.attach(slow, scheduler, completions::execute);
            Thread settling = new Thread(() -> budget.reserve(Expected.exactly(1)).settle(BigDecimal.ONE), "settling");
            settling.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> writtenOn.contains("settling"));

            // the settle waits for the store, not with the budget's lock: other billed calls still get their answer
            java.util.concurrent.CompletableFuture<SpendBudget.Reservation> other = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> budget.reserve(Expected.exactly(1)));
            assertThat(other.get(5, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
            assertThat(budget.spent()).isEqualByComparingTo("1");
            storeAnswers.countDown();
            settling.join(5_000);
            // the periodic refresh (every second here) is timed by the scheduler and written on a completion thread
            await().atMost(Duration.ofSeconds(5)).until(() -> writtenOn.contains("completion"));
            assertThat(writtenOn).doesNotContain(scheduler.submit(() -> Thread.currentThread().getName()).get());
        } finally {
            storeAnswers.countDown();
            completions.shutdownNow();
        }
    }

    private static SpendLimitExceededException catchRefusal(Runnable call) {
        try {
            call.run();
        } catch (SpendLimitExceededException e) {
            return e;
        }
        throw new AssertionError("the call was not refused");
    }
}

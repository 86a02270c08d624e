package io.camelinference.common.poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.error.InferenceJobTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobPollerTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final JobPoller poller = new JobPoller("test", scheduler);
    private final PollSchedule fast = new PollSchedule(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(30));

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** A job that reports {@code running} for a number of checks, then finishes. */
    private static java.util.function.Supplier<CompletableFuture<JobStatus<String>>> finishesAfter(int checks,
                                                                                                 AtomicInteger counter) {
        return () -> {
            int n = counter.incrementAndGet();
            return CompletableFuture.completedFuture(n < checks ? JobStatus.running("pending")
                    : JobStatus.done("success", "result-" + n));
        };
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        try {
            return f.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void checksUntilDone() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        assertThat(await(poller.await("job-1", fast, finishesAfter(4, checks)))).isEqualTo("result-4");
        assertThat(checks).hasValue(4);
        assertThat(poller.pendingCount()).isZero();
    }

    @Test
    void aFailedStateRaisesJobFailedWithIdStateAndMessage() {
        CompletableFuture<String> job = poller.await("job-2", fast,
                () -> CompletableFuture.completedFuture(JobStatus.failed("error", "bad image")));
        assertThatThrownBy(() -> await(job)).isInstanceOf(InferenceJobFailedException.class)
                .hasMessageContaining("job-2").hasMessageContaining("error").hasMessageContaining("bad image");
    }

    @Test
    void aJobThatNeverEndsTimesOutWithItsIdAndLastState() {
        PollSchedule short_ = new PollSchedule(Duration.ofMillis(1), Duration.ofMillis(20), Duration.ofMillis(200));
        CompletableFuture<String> job = poller.await("job-3", short_,
                () -> CompletableFuture.completedFuture(JobStatus.running("Queued")));
        assertThatThrownBy(() -> await(job)).isInstanceOf(InferenceJobTimeoutException.class)
                .hasMessageContaining("job-3").hasMessageContaining("Queued");
    }

    @Test
    void transientCheckFailuresAreToleratedButNotForever() throws Exception {
        AtomicInteger n = new AtomicInteger();
        CompletableFuture<String> recovers = poller.await("job-4", fast, () -> n.incrementAndGet() <= 2
                ? CompletableFuture.failedFuture(new InferenceApiException("test", "GET /s", 503, "busy", null))
                : CompletableFuture.completedFuture(JobStatus.done("ok", "fine")));
        assertThat(await(recovers)).isEqualTo("fine");

        CompletableFuture<String> keepsFailing = poller.await("job-5", fast,
                () -> CompletableFuture.failedFuture(new InferenceApiException("test", "GET /s", 503, "busy", null)));
        assertThatThrownBy(() -> await(keepsFailing)).isInstanceOf(InferenceApiException.class);
    }

    @Test
    void aPermanentCheckErrorFailsAtOnce() {
        AtomicInteger n = new AtomicInteger();
        CompletableFuture<String> job = poller.await("job-6", fast, () -> {
            n.incrementAndGet();
            return CompletableFuture.failedFuture(new InferenceApiException("test", "GET /s", 404, "gone", null));
        });
        assertThatThrownBy(() -> await(job)).isInstanceOf(InferenceApiException.class).hasMessageContaining("gone");
        assertThat(n).hasValue(1);
    }

    @Test
    void cancelAllStopsEveryPendingJob() {
        PollSchedule slow = new PollSchedule(Duration.ofMillis(1), Duration.ofMillis(50), Duration.ofMinutes(5));
        List<CompletableFuture<String>> jobs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            jobs.add(poller.await("job-c" + i, slow, () -> CompletableFuture.completedFuture(JobStatus.running("pending"))));
        }
        poller.cancelAll("route stopped");
        for (CompletableFuture<String> job : jobs) {
            assertThatThrownBy(() -> await(job)).isInstanceOf(CancellationException.class).hasMessageContaining("route stopped");
        }
        assertThat(poller.pendingCount()).isZero();
    }

    @Test
    void oneSchedulerThreadCarriesTenThousandPendingJobs() throws Exception {
        // the checks answer asynchronously from another pool, like HTTP answers from the I/O threads
        ScheduledExecutorService service = Executors.newScheduledThreadPool(2);
        try {
            int jobs = 10_000;
            List<CompletableFuture<String>> results = new ArrayList<>(jobs);
            AtomicInteger checks = new AtomicInteger();
            PollSchedule schedule = new PollSchedule(Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofMinutes(1));
            for (int i = 0; i < jobs; i++) {
                AtomicInteger perJob = new AtomicInteger();
                String id = "j" + i;
                results.add(poller.await(id, schedule, () -> {
                    checks.incrementAndGet();
                    CompletableFuture<JobStatus<String>> answer = new CompletableFuture<>();
                    int n = perJob.incrementAndGet();
                    service.schedule(() -> answer.complete(n < 3 ? JobStatus.running("pending") : JobStatus.done("ok", id)),
                            1, TimeUnit.MILLISECONDS);
                    return answer;
                }));
            }
            assertThat(poller.pendingCount()).isGreaterThan(jobs / 2);
            for (int i = 0; i < jobs; i++) {
                assertThat(await(results.get(i))).isEqualTo("j" + i);
            }
            assertThat(checks).hasValue(3 * jobs);
        } finally {
            service.shutdownNow();
        }
    }
}

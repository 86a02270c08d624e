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
    private static java.util.function.Function<io.camelinference.common.time.Deadline, CompletableFuture<JobStatus<String>>> finishesAfter(int checks,
                                                                                                 AtomicInteger counter) {
        return deadline -> {
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
                d -> CompletableFuture.completedFuture(JobStatus.failed("error", "bad image")));
        assertThatThrownBy(() -> await(job)).isInstanceOf(InferenceJobFailedException.class)
                .hasMessageContaining("job-2").hasMessageContaining("error").hasMessageContaining("bad image");
    }

    @Test
    void aJobThatNeverEndsTimesOutWithItsIdAndLastState() {
        PollSchedule short_ = new PollSchedule(Duration.ofMillis(1), Duration.ofMillis(20), Duration.ofMillis(200));
        CompletableFuture<String> job = poller.await("job-3", short_,
                d -> CompletableFuture.completedFuture(JobStatus.running("Queued")));
        assertThatThrownBy(() -> await(job)).isInstanceOf(InferenceJobTimeoutException.class)
                .hasMessageContaining("job-3").hasMessageContaining("Queued");
    }

    @Test
    void transientCheckFailuresAreRiddenOutUntilTheJobsDeadline() throws Exception {
        // a paid job is not abandoned because its status checks failed a few times in a row (a 429 storm, an outage)
        AtomicInteger n = new AtomicInteger();
        CompletableFuture<String> recovers = poller.await("job-4", fast, d -> n.incrementAndGet() <= 20
                ? CompletableFuture.failedFuture(new InferenceApiException("test", "GET /s", 429, "slow down", null))
                : CompletableFuture.completedFuture(JobStatus.done("ok", "fine")));
        assertThat(await(recovers)).isEqualTo("fine");
        assertThat(n).hasValue(21);

        PollSchedule shortWait = new PollSchedule(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(300));
        CompletableFuture<String> keepsFailing = poller.await("job-5", shortWait,
                d -> CompletableFuture.failedFuture(new InferenceApiException("test", "GET /s", 503, "busy", null)));
        assertThatThrownBy(() -> await(keepsFailing)).isInstanceOf(InferenceJobTimeoutException.class)
                .hasMessageContaining("job-5").hasMessageContaining("busy");
    }

    @Test
    void eachCheckIsBoundedByTheJobsDeadline() throws Exception {
        PollSchedule schedule = new PollSchedule(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(7));
        java.util.List<io.camelinference.common.time.Deadline> given = new java.util.concurrent.CopyOnWriteArrayList<>();
        await(poller.await("job-d", schedule, d -> {
            given.add(d);
            return CompletableFuture.completedFuture(JobStatus.done("ok", "x"));
        }));
        assertThat(given).hasSize(1);
        assertThat(given.get(0).remaining()).isLessThanOrEqualTo(Duration.ofSeconds(7)).isPositive();
    }

    @Test
    void aPermanentCheckErrorFailsAtOnce() {
        AtomicInteger n = new AtomicInteger();
        CompletableFuture<String> job = poller.await("job-6", fast, d -> {
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
            jobs.add(poller.await("job-c" + i, slow, d -> CompletableFuture.completedFuture(JobStatus.running("pending"))));
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
                results.add(poller.await(id, schedule, d -> {
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

    /** A feed a test drives by hand: the one listener subscribed, and whether it was cancelled. */
    private static final class ManualFeed implements StatusFeed<String> {
        volatile java.util.function.Consumer<JobStatus<String>> listener;
        volatile boolean cancelled;

        @Override
        public Subscription subscribe(String jobId, java.util.function.Consumer<JobStatus<String>> l) {
            listener = l;
            return () -> cancelled = true;
        }
    }

    @Test
    void answersOtherRequestsBringCountAsChecksAndAFinishedJobEndsWithoutOneOfItsOwn() throws Exception {
        // the job's own first check would come only after 30 s
        PollSchedule slow = new PollSchedule(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(5));
        AtomicInteger ownChecks = new AtomicInteger();
        ManualFeed feed = new ManualFeed();
        CompletableFuture<String> result = poller.await("job-f", slow,
                io.camelinference.common.time.Deadline.in(slow.waitTimeout()), finishesAfter(1, ownChecks), "kind-f",
                feed);

        feed.listener.accept(JobStatus.running("pending"));
        assertThat(result).isNotDone();
        feed.listener.accept(JobStatus.done("success", "from-a-batch"));

        assertThat(await(result)).isEqualTo("from-a-batch");
        assertThat(ownChecks).as("checks of its own").hasValue(0);
        assertThat(poller.checksSent()).isZero();
        assertThat(feed.cancelled).as("the feed stops with the job").isTrue();
        assertThat(poller.estimator("kind-f").observations()).isEqualTo(1);
    }

    @Test
    void anAnswerFedWhileTheJobsOwnCheckIsOnItsWayIsLeftToThatCheck() throws Exception {
        PollSchedule quick = new PollSchedule(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMinutes(1));
        CompletableFuture<JobStatus<String>> ownAnswer = new CompletableFuture<>();
        AtomicInteger ownChecks = new AtomicInteger();
        ManualFeed feed = new ManualFeed();
        CompletableFuture<String> result = poller.await("job-g", quick,
                io.camelinference.common.time.Deadline.in(quick.waitTimeout()), d -> {
                    ownChecks.incrementAndGet();
                    return ownAnswer;
                }, null, feed);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> ownChecks.get() == 1);

        feed.listener.accept(JobStatus.done("success", "fed"));
        assertThat(result).isNotDone();
        ownAnswer.complete(JobStatus.done("success", "own"));
        assertThat(await(result)).isEqualTo("own");
    }
}

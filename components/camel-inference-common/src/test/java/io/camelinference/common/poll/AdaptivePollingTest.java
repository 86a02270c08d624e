package io.camelinference.common.poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelinference.common.time.Deadline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Polling that learns how long jobs take. */
class AdaptivePollingTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final PollSchedule schedule = new PollSchedule(Duration.ofMillis(20), Duration.ofMillis(100),
            Duration.ofSeconds(30));

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** A job that is done once {@code duration} has passed since it was submitted; counts its checks. */
    private CompletableFuture<String> job(JobPoller poller, String kind, Duration duration, AtomicInteger checks) {
        long submitted = System.nanoTime();
        return poller.await("job", schedule, Deadline.in(schedule.waitTimeout()), d -> {
            checks.incrementAndGet();
            boolean done = System.nanoTime() - submitted >= duration.toNanos();
            return CompletableFuture.completedFuture(done ? JobStatus.done("done", "ok") : JobStatus.running("pending"));
        }, kind);
    }

    private double averageChecks(JobPoller poller, String kind, int jobs) throws Exception {
        List<AtomicInteger> counts = new ArrayList<>();
        List<CompletableFuture<String>> running = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            AtomicInteger checks = new AtomicInteger();
            counts.add(checks);
            running.add(job(poller, kind, Duration.ofMillis(300), checks));
        }
        for (CompletableFuture<String> f : running) {
            f.get(20, TimeUnit.SECONDS);
        }
        return counts.stream().mapToInt(AtomicInteger::get).average().orElseThrow();
    }

    @Test
    void jobsOfAKindWhoseDurationIsKnownAreCheckedNearTheirExpectedEnd() throws Exception {
        JobPoller poller = new JobPoller("test", scheduler);
        double cold = averageChecks(poller, "model-a", 20);
        averageChecks(poller, "model-a", 3); // what the first ones taught
        assertThat(poller.estimator("model-a").estimate()).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        double learned = averageChecks(poller, "model-a", 20);
        assertThat(learned).as("checks per job once learned (cold: %.1f)", cold).isLessThanOrEqualTo(3.5)
                .isLessThan(cold);
        // another kind of job starts cold
        assertThat(poller.estimator("model-b").estimate()).isNull();
    }

    @Test
    void slowAnswersDoNotStretchTheLearnedDuration() throws Exception {
        JobPoller poller = new JobPoller("test", scheduler);
        poller.estimator("model-a").observe(Duration.ofMillis(300));
        poller.estimator("model-a").observe(Duration.ofMillis(300));
        long submitted = System.nanoTime();
        // a 300 ms job on a busy service: every answer arrives 400 ms after the check saw the job's state
        CompletableFuture<String> result = poller.await("job", schedule, Deadline.in(schedule.waitTimeout()), d -> {
            boolean done = System.nanoTime() - submitted >= Duration.ofMillis(300).toNanos();
            CompletableFuture<JobStatus<String>> answer = new CompletableFuture<>();
            scheduler.schedule(() -> answer.complete(done ? JobStatus.done("done", "ok") : JobStatus.running("pending")),
                    400, TimeUnit.MILLISECONDS);
            return answer;
        }, "model-a");
        result.get(20, TimeUnit.SECONDS);
        // "still running" counts from when the check was asked, not from when its late answer came
        assertThat(poller.estimator("model-a").estimate()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void manyJobsOfOneLengthTeachThatLengthThoughTheLastSeenDoneStraddledItLate() {
        // 10,000 jobs of 30 s checked cold (250 ms doubling to 10 s, jittered), told to the estimator in the order
        // they were seen done: the late-noticed ones last, their intervals' middles well after 30 s
        PollSchedule cold = new PollSchedule(Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofMinutes(30));
        List<long[]> seen = new ArrayList<>();
        for (int job = 0; job < 10_000; job++) {
            long at = 0;
            int checks = 0;
            long lastRunning = 0;
            while (at < 30_000) {
                lastRunning = at;
                at += cold.backoff().delay(checks++).toMillis();
            }
            seen.add(new long[] {lastRunning, at});
        }
        seen.sort((a, b) -> Long.compare(a[1], b[1]));
        DurationEstimator e = new DurationEstimator();
        seen.forEach(s -> e.observe(Duration.ofMillis(s[0]), Duration.ofMillis(s[1])));
        assertThat(e.estimate()).isBetween(Duration.ofMillis(28_500), Duration.ofMillis(30_000));
    }

    @Test
    void aPlanKeepsTheIntervalAsTheLongestAJobGoesUnchecked() {
        CheckPlan plan = new CheckPlan(new PollSchedule(Duration.ofMillis(250), Duration.ofSeconds(10),
                Duration.ofMinutes(30)), Duration.ofSeconds(30));
        // 30 s jobs: checks just after 10, 20 and 30 s
        assertThat(plan.first()).isBetween(Duration.ofMillis(10_000), Duration.ofMillis(11_600));
        assertThat(plan.next(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(plan.next(2)).isEqualTo(Duration.ofSeconds(10));
        // still running after the expected end: checked again soon
        assertThat(plan.next(3)).isLessThanOrEqualTo(Duration.ofMillis(250));
        CheckPlan unknown = new CheckPlan(new PollSchedule(Duration.ofMillis(250), Duration.ofSeconds(10),
                Duration.ofMinutes(30)), null);
        assertThat(unknown.first()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void theEstimateLearnsFromNarrowIntervalsAndIsOnlyCorrectedByWideOnesThatContradictIt() {
        DurationEstimator e = new DurationEstimator();
        // the first two jobs: the middle of what their checks saw
        e.observe(Duration.ofSeconds(16), Duration.ofSeconds(26));
        e.observe(Duration.ofSeconds(26), Duration.ofSeconds(36));
        assertThat(e.estimate()).isEqualTo(Duration.ofSeconds(26));
        // found done at the planned check just after the estimate, never seen running: says only "less than 27.3 s"
        for (int i = 0; i < 10; i++) {
            e.observe(Duration.ZERO, Duration.ofMillis(27_300));
        }
        assertThat(e.estimate()).as("not halved by intervals that agree with it").isEqualTo(Duration.ofSeconds(26));
        // ... nor stretched by a check that came late (behind a rate cap): still "less than 60 s"
        e.observe(Duration.ofSeconds(20), Duration.ofSeconds(60));
        assertThat(e.estimate()).isEqualTo(Duration.ofSeconds(26));
        // a job seen running past the estimate, then done soon after: a measurement, averaged in
        e.observe(Duration.ofMillis(27_300), Duration.ofMillis(27_550));
        assertThat(e.estimate()).isBetween(Duration.ofMillis(26_400), Duration.ofMillis(26_500));
        // jobs that got faster: done by the planned check 10 s before the estimate pulls it down
        for (int i = 0; i < 10; i++) {
            e.observe(Duration.ofMillis(6_000), Duration.ofMillis(16_000));
        }
        assertThat(e.estimate()).isLessThan(Duration.ofSeconds(17));
        // and jobs that got slower: seen running well past it pushes it up
        for (int i = 0; i < 10; i++) {
            e.observe(Duration.ofSeconds(40), Duration.ofSeconds(60));
        }
        assertThat(e.estimate()).isGreaterThan(Duration.ofSeconds(39));
    }
}

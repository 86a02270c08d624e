package io.camelinference.common.poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceJobFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchStatusCheckerTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<List<String>> requests = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** Answers "done" for even ids, "running" for odd ones, nothing for ids starting with x. */
    private CompletableFuture<Map<String, JobStatus<String>>> service(List<String> ids) {
        requests.add(List.copyOf(ids));
        Map<String, JobStatus<String>> out = new HashMap<>();
        for (String id : ids) {
            if (id.startsWith("x")) {
                continue;
            }
            out.put(id, Integer.parseInt(id) % 2 == 0 ? JobStatus.done("success", "result-" + id)
                    : JobStatus.running("pending"));
        }
        return CompletableFuture.supplyAsync(() -> out);
    }

    @Test
    void checksWithinTheWindowGoOutAsOneRequest() throws Exception {
        BatchStatusChecker<String> checker = new BatchStatusChecker<>("svc", scheduler, Duration.ofMillis(50), 100,
                this::service);
        List<CompletableFuture<JobStatus<String>>> checks = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            checks.add(checker.check(String.valueOf(i)));
        }
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).hasSize(60);
        assertThat(checks.get(4).get()).isEqualTo(JobStatus.done("success", "result-4"));
        assertThat(checks.get(5).get()).isEqualTo(JobStatus.running("pending"));
        assertThat(checker.waitingCount()).isZero();
    }

    @Test
    void aFullBatchGoesAtOnceAndTheRestAfterTheWindow() throws Exception {
        BatchStatusChecker<String> checker = new BatchStatusChecker<>("svc", scheduler, Duration.ofSeconds(30), 10,
                this::service);
        List<CompletableFuture<JobStatus<String>>> checks = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            checks.add(checker.check(String.valueOf(i)));
        }
        CompletableFuture.allOf(checks.subList(0, 20).toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        assertThat(requests).hasSize(2);
        assertThat(requests).allSatisfy(r -> assertThat(r).hasSize(10));
        assertThat(checks.get(24)).isNotDone();
        assertThat(checker.waitingCount()).isEqualTo(5);
    }

    @Test
    void theSameIdAskedTwiceIsAskedOnceAndBothGetTheAnswer() throws Exception {
        BatchStatusChecker<String> checker = new BatchStatusChecker<>("svc", scheduler, Duration.ofMillis(20), 100,
                this::service);
        CompletableFuture<JobStatus<String>> a = checker.check("2");
        CompletableFuture<JobStatus<String>> b = checker.check("2");
        assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo(b.get(5, TimeUnit.SECONDS));
        assertThat(requests).containsExactly(List.of("2"));
    }

    @Test
    void anUnknownIdFailsPermanentlyAndAFailedRequestFailsEveryCheck() throws Exception {
        BatchStatusChecker<String> checker = new BatchStatusChecker<>("svc", scheduler, Duration.ofMillis(10), 100,
                this::service);
        assertThatThrownBy(() -> checker.check("x1").get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(InferenceApiException.class).hasMessageContaining("x1");

        BatchStatusChecker<String> broken = new BatchStatusChecker<>("svc", scheduler, Duration.ofMillis(10), 100,
                ids -> CompletableFuture.failedFuture(new IllegalStateException("boom")));
        CompletableFuture<JobStatus<String>> one = broken.check("1");
        CompletableFuture<JobStatus<String>> two = broken.check("2");
        assertThatThrownBy(() -> one.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("boom");
        assertThatThrownBy(() -> two.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("boom");
    }

    @Test
    void drivesAJobPollerSoManyJobsShareRequests() throws Exception {
        Map<String, Integer> checksLeft = new java.util.concurrent.ConcurrentHashMap<>();
        BatchStatusChecker<String> checker = new BatchStatusChecker<>("svc", scheduler, Duration.ofMillis(40), 500,
                ids -> {
                    requests.add(List.copyOf(ids));
                    Map<String, JobStatus<String>> out = new HashMap<>();
                    for (String id : ids) {
                        int left = checksLeft.merge(id, -1, Integer::sum);
                        out.put(id, left > 0 ? JobStatus.running("pending")
                                : id.equals("13") ? JobStatus.failed("error", "bad image") : JobStatus.done("success", id));
                    }
                    return CompletableFuture.completedFuture(out);
                });
        JobPoller poller = new JobPoller("svc", scheduler);
        PollSchedule schedule = new PollSchedule(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofSeconds(10));
        List<CompletableFuture<String>> jobs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = String.valueOf(i);
            checksLeft.put(id, 3);
            jobs.add(poller.await(id, schedule, d -> checker.check(id)));
        }
        for (int i = 0; i < jobs.size(); i++) {
            if (i == 13) {
                assertThatThrownBy(() -> jobs.get(13).get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(InferenceJobFailedException.class).hasMessageContaining("bad image");
            } else {
                assertThat(jobs.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(String.valueOf(i));
            }
        }
        // 200 jobs x 3 checks each = 600 checks, in far fewer requests
        assertThat(requests.stream().mapToInt(List::size).sum()).isEqualTo(600);
        assertThat(requests.size()).isLessThan(60);
    }

    @Test
    void aRequestWithRoomTakesAlongTheJobsAskedAboutLongestAgoAndFeedsThemTheirAnswers() throws Exception {
        // no window: a job asked about any time before counts as asked "long ago"
        BatchStatusChecker<String> checker = new BatchStatusChecker<>("svc", scheduler, Duration.ZERO, 5,
                this::service);
        Map<String, List<JobStatus<String>>> fed = new java.util.concurrent.ConcurrentHashMap<>();
        // eight pending jobs subscribed; one (7) leaves before the request
        List<StatusFeed.Subscription> subscriptions = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            String id = String.valueOf(i);
            subscriptions.add(checker.subscribe(id, status -> fed.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(status)));
        }
        subscriptions.get(6).cancel();

        JobStatus<String> due = checker.check("2").get(5, TimeUnit.SECONDS);
        assertThat(due).isEqualTo(JobStatus.done("success", "result-2"));
        // one request, full: the due id first, then the four subscribed jobs asked about longest ago (2 itself and
        // the cancelled 7 excluded)
        assertThat(requests).containsExactly(List.of("2", "1", "3", "4", "5"));
        assertThat(fed).containsOnlyKeys("1", "3", "4", "5");
        assertThat(fed.get("4")).containsExactly(JobStatus.done("success", "result-4"));
        assertThat(fed.get("5")).containsExactly(JobStatus.running("pending"));
        assertThat(checker.idsAsked()).isEqualTo(5);

        // the next request starts with the ones not asked about yet: 6 and 8
        checker.check("1").get(5, TimeUnit.SECONDS);
        assertThat(requests.get(1)).startsWith("1", "6", "8");
    }

    @Test
    void jobsAskedAboutJustNowAreNotTakenAlong() throws Exception {
        BatchStatusChecker<String> checker = new BatchStatusChecker<>("svc", scheduler, Duration.ofSeconds(10), 5,
                this::service);
        List<String> fed = Collections.synchronizedList(new ArrayList<>());
        checker.subscribe("3", status -> fed.add("3"));
        checker.subscribe("5", status -> fed.add("5"));
        // a full batch goes at once; the subscriptions are younger than twice the 10 s window
        List<CompletableFuture<JobStatus<String>>> checks = new ArrayList<>();
        for (int i = 10; i < 15; i++) {
            checks.add(checker.check(String.valueOf(i)));
        }
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        assertThat(requests).containsExactly(List.of("10", "11", "12", "13", "14"));
        assertThat(fed).isEmpty();
    }
}

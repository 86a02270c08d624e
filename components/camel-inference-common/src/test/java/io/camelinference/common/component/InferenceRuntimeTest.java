package io.camelinference.common.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelinference.common.http.StatusCheckPacer;
import io.camelinference.common.poll.JobPoller;
import io.camelinference.common.poll.JobStatus;
import io.camelinference.common.poll.PollSchedule;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The runtime's pools as Camel creates them: no queue limit may cap pending jobs or push work onto callers. */
class InferenceRuntimeTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private InferenceRuntime runtime;

    @BeforeEach
    void start() {
        camel.start();
        runtime = new InferenceRuntime(camel, this, "Test");
    }

    @AfterEach
    void stop() {
        runtime.close();
        camel.stop();
    }

    @Test
    void theSchedulerCarriesTenThousandPendingJobsOnOneThread() throws Exception {
        // Camel's default profile would queue at most 1,000 tasks and reject the rest
        JobPoller poller = new JobPoller("test", runtime.scheduler());
        PollSchedule schedule = new PollSchedule(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMinutes(1));
        List<CompletableFuture<String>> jobs = new ArrayList<>();
        Set<String> schedulerThreads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 10_000; i++) {
            String id = "job-" + i;
            AtomicInteger checks = new AtomicInteger();
            jobs.add(poller.await(id, schedule, d -> {
                schedulerThreads.add(Thread.currentThread().getName());
                return CompletableFuture.completedFuture(checks.incrementAndGet() < 2
                        ? JobStatus.running("pending") : JobStatus.done("ok", id));
            }));
        }
        for (int i = 0; i < jobs.size(); i++) {
            assertThat(jobs.get(i).get(30, TimeUnit.SECONDS)).isEqualTo("job-" + i);
        }
        assertThat(schedulerThreads).hasSize(1);
    }

    @Test
    void endpointsOfOneServiceWithTheSameRateShareOnePacerAndAnotherRateOrServiceGetsItsOwn() {
        StatusCheckPacer first = runtime.statusPacer(options("https://api.example.com/v1", 20));

        assertThat(runtime.statusPacer(options("https://api.example.com/v1", 20))).isSameAs(first);
        assertThat(runtime.statusPacer(options("https://api.example.com/v1", 5))).isNotSameAs(first);
        assertThat(runtime.statusPacer(options("https://other.example.com/v1", 20))).isNotSameAs(first);
    }

    private static ConfigurationCheckTest.Options options(String baseUrl, int maxStatusChecksPerSecond) {
        ConfigurationCheckTest.Options options = new ConfigurationCheckTest.Options();
        options.setBaseUrl(baseUrl);
        options.setMaxStatusChecksPerSecond(maxStatusChecksPerSecond);
        return options;
    }

    @Test
    void completionsQueueUpInsteadOfRunningOnTheCallersThread() throws Exception {
        int tasks = 5_000;
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(tasks);
        AtomicInteger ranOnCaller = new AtomicInteger();
        Thread caller = Thread.currentThread();
        for (int i = 0; i < tasks; i++) {
            runtime.continueWith(() -> {
                if (Thread.currentThread() == caller) {
                    ranOnCaller.incrementAndGet();
                    return;
                }
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.countDown();
            });
        }
        release.countDown();
        assertThat(ranOnCaller).hasValue(0);
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    }
}

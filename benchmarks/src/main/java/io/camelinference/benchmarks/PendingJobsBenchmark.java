package io.camelinference.benchmarks;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.unitypredict.UnityPredictConstants;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;

/**
 * Many long jobs at once: {@code sentiment-slow} predictions answer {@code Processing} and complete only after the
 * emulator's slow-model time, so every job is pending on the component's poller at the same time. Measures the threads
 * and heap they hold and how hard the poller asks the service. There is no raw counterpart: HC5 has no poller.
 */
final class PendingJobsBenchmark {

    record Result(int jobs, long slowModelMillis, int threadsBefore, int threadsPending, int peakThreads,
                  long heapBefore, long heapPending, long heapMidWait, double submitSeconds, double acceptedSeconds,
                  double allDoneSeconds, long statusCalls, double peakStatusPerSecond, double meanStatusPerSecond,
                  double cpuMsPerJobWhileWaiting, int failures, Map<String, String> failureExamples) {

        /** Read when every job has just been accepted: the first status checks of all of them are in flight. */
        double heapBytesPerJob() {
            return (heapPending - heapBefore) / (double) jobs;
        }

        /** Read halfway through the model time, when checks are spread out: the cost of a job simply waiting. */
        double heapBytesPerJobMidWait() {
            return (heapMidWait - heapBefore) / (double) jobs;
        }

        double checksPerJob() {
            return statusCalls / (double) jobs;
        }
    }

    private final EmulatorProcess emulator;
    private final int jobs;
    private final long slowModelMillis;
    private final boolean unboundedPoolQueues;

    PendingJobsBenchmark(EmulatorProcess emulator, int jobs, long slowModelMillis, boolean unboundedPoolQueues) {
        this.emulator = emulator;
        this.jobs = jobs;
        this.slowModelMillis = slowModelMillis;
        this.unboundedPoolQueues = unboundedPoolQueues;
    }

    Result measure() throws Exception {
        try (CamelHarness camel = new CamelHarness(emulator.baseUrl(), unboundedPoolQueues)) {
            // same transport settings, so the same pooled client: warming one warms the I/O threads of the other
            AsyncProducer warm = camel.producer("unitypredict:predict?modelId=heart-risk");
            AsyncProducer slow = camel.producer("unitypredict:predict?modelId=sentiment-slow");
            LoadRunner.run(done -> {
                Exchange e = camel.exchange(Map.of("Age", 61, "Chol", 120));
                warm.process(e, sync -> done.accept(e.getException() == null));
            }, 2_000, 64);
            emulator.reset();

            int threadsBefore = JvmProbe.liveThreads();
            long heapBefore = JvmProbe.heapUsedAfterGc();
            JvmProbe.resetPeakThreads();

            CountDownLatch finished = new CountDownLatch(jobs);
            Failures failures = new Failures();
            long t0 = System.nanoTime();
            for (int i = 0; i < jobs; i++) {
                Exchange exchange = camel.exchange(Map.of("Text", i % 2 == 0 ? "great lovely excellent" : "bad awful"));
                slow.process(exchange, doneSync -> {
                    if (exchange.getException() != null) {
                        failures.add(exchange.getException());
                    } else if (!"Completed".equals(exchange.getMessage().getHeader(UnityPredictConstants.STATUS))) {
                        failures.add(new IllegalStateException("ended with status "
                                + exchange.getMessage().getHeader(UnityPredictConstants.STATUS)));
                    }
                    finished.countDown();
                });
            }
            double submitSeconds = seconds(t0);
            StatusRate rate = new StatusRate(t0);

            // every job accepted by the service and not yet finished: all of them are pending on the poller now
            while (finished.getCount() == jobs) {
                JsonNode stats = emulator.unityPredictStats();
                rate.sample(stats);
                if (stats.path("jobs").path("Processing").asLong() + stats.path("jobs").path("Completed").asLong() >= jobs) {
                    break;
                }
                Thread.sleep(100);
            }
            double acceptedSeconds = seconds(t0);
            int threadsPending = JvmProbe.liveThreads();
            long heapPending = JvmProbe.heapUsedAfterGc();
            if (finished.getCount() < jobs) {
                System.out.println("  warning: some jobs ended before all were accepted (failures, or raise --slow-model-millis)");
            }

            long cpu0 = JvmProbe.processCpuNanos(); // includes one full GC at mid-wait
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(slowModelMillis + 120_000);
            long midWaitAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(slowModelMillis / 2);
            long heapMidWait = -1;
            while (!finished.await(250, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                rate.sample(emulator.unityPredictStats());
                if (heapMidWait < 0 && System.nanoTime() >= midWaitAt) {
                    heapMidWait = JvmProbe.heapUsedAfterGc();
                }
            }
            double allDoneSeconds = seconds(t0);
            long cpuWaiting = JvmProbe.processCpuNanos() - cpu0;
            long statusCalls = emulator.statusCalls();
            int notDone = (int) finished.getCount();
            emulator.reset();
            System.out.printf("  %s: %d threads, %.1f KiB per job, %d status calls, %d failed%n",
                    unboundedPoolQueues ? "maxQueueSize=-1" : "Camel defaults", threadsPending,
                    (heapPending - heapBefore) / 1024.0 / jobs, statusCalls, failures.count() + notDone);
            return new Result(jobs, slowModelMillis, threadsBefore, threadsPending, JvmProbe.peakThreads(),
                    heapBefore, heapPending, heapMidWait, submitSeconds, acceptedSeconds, allDoneSeconds, statusCalls, rate.peak,
                    statusCalls / allDoneSeconds, cpuWaiting / 1e6 / jobs, failures.count() + notDone, failures.examples());
        }
    }

    /** Status calls per second seen by the emulator, over windows of at least one second. */
    private static final class StatusRate {
        private long lastAt;
        private long lastCalls;
        private double peak;

        StatusRate(long start) {
            this.lastAt = start;
        }

        void sample(JsonNode stats) {
            long now = System.nanoTime();
            if (now - lastAt < 1_000_000_000L) {
                return;
            }
            long calls = stats.path("calls").path(EmulatorProcess.STATUS_ROUTE).asLong();
            peak = Math.max(peak, (calls - lastCalls) / ((now - lastAt) / 1e9));
            lastCalls = calls;
            lastAt = now;
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

package io.camelinference.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.unitypredict.UnityPredictConstants;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;

/**
 * Many long jobs at once: {@code sentiment-slow} predictions answer {@code Processing} and complete only after the
 * emulator's slow-model time, so every job is pending on the component's poller at the same time. Three batches on one
 * endpoint, one after the other: a cold one (the poller knows nothing of the model yet), a warm one (it has learned how
 * long the model's jobs take), and a large warm one that shows the memory, threads and check rate at scale. Measures
 * status calls per job, the busiest second of status calls against the cap, how late after its end a finished job is
 * first seen by a status call, heap and threads. There is no raw counterpart: HC5 has no poller.
 */
final class PendingJobsBenchmark {

    /** One batch of jobs submitted together. */
    record Phase(String name, int jobs, long slowModelMillis, int threadsBefore, int threadsPending, int peakThreads,
                 long heapBefore, long heapAccepted, long heapMidWait, double submitSeconds, double acceptedSeconds,
                 double allDoneSeconds, long statusCalls, long peakStatusPerSecond, JsonNode noticeLagMillis,
                 double cpuMsPerJobWhileWaiting, Failures failures, int notDone) {

        double checksPerJob() {
            return statusCalls / (double) jobs;
        }

        double heapPerJobAccepted() {
            return (heapAccepted - heapBefore) / (double) jobs;
        }

        double heapPerJobMidWait() {
            return (heapMidWait - heapBefore) / (double) jobs;
        }

        int failed() {
            return failures.count() + notDone;
        }
    }

    private final EmulatorProcess emulator;
    private final long slowModelMillis;
    private final int checkCap;
    private final List<Phase> phases = new ArrayList<>();

    PendingJobsBenchmark(EmulatorProcess emulator, long slowModelMillis, int checkCap) {
        this.emulator = emulator;
        this.slowModelMillis = slowModelMillis;
        this.checkCap = checkCap;
    }

    String endpoint() {
        return "unitypredict:predict?modelId=sentiment-slow&maxStatusChecksPerSecond=" + checkCap;
    }

    List<Phase> measure(int jobs, int scaleJobs) throws Exception {
        try (CamelHarness camel = new CamelHarness(emulator.baseUrl())) {
            // same transport settings, so the same pooled client: warming one warms the I/O threads of the other
            AsyncProducer warm = camel.producer("unitypredict:predict?modelId=heart-risk");
            AsyncProducer slow = camel.producer(endpoint());
            LoadRunner.run(done -> {
                Exchange e = camel.exchange(Map.of("Age", 61, "Chol", 120));
                warm.process(e, sync -> done.accept(e.getException() == null));
            }, 2_000, 64);
            emulator.reset();
            phases.add(phase("cold", camel, slow, jobs));
            phases.add(phase("warm", camel, slow, jobs));
            phases.add(phase("warm, at scale", camel, slow, scaleJobs));
            return phases;
        }
    }

    private Phase phase(String name, CamelHarness camel, AsyncProducer slow, int jobs) throws Exception {
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

        // every job accepted by the service and not yet finished: all of them are pending on the poller now
        while (finished.getCount() == jobs) {
            JsonNode jobsByState = emulator.unityPredictStats().path("jobs");
            if (jobsByState.path("Processing").asLong() + jobsByState.path("Completed").asLong() >= jobs) {
                break;
            }
            finished.await(100, TimeUnit.MILLISECONDS);
        }
        double acceptedSeconds = seconds(t0);
        int threadsPending = JvmProbe.liveThreads();
        long heapAccepted = JvmProbe.heapUsedAfterGc();

        long cpu0 = JvmProbe.processCpuNanos(); // includes one full GC at mid-wait
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(slowModelMillis * 10 + 120_000);
        long midWaitAt = t0 + TimeUnit.MILLISECONDS.toNanos(slowModelMillis / 2);
        long heapMidWait = -1;
        while (!finished.await(250, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
            if (Boolean.getBoolean("bench.debug")) {
                System.out.printf("    t=%.1f status calls %d, done %d%n", seconds(t0),
                        emulator.statusCalls(), jobs - finished.getCount());
            }
            if (heapMidWait < 0 && System.nanoTime() >= midWaitAt) {
                heapMidWait = JvmProbe.heapUsedAfterGc();
            }
        }
        double allDoneSeconds = seconds(t0);
        long cpuWaiting = JvmProbe.processCpuNanos() - cpu0;
        JsonNode stats = emulator.unityPredictStats();
        long statusCalls = EmulatorProcess.calls(stats, EmulatorProcess.STATUS_ROUTE);
        long peak = EmulatorProcess.peakPerSecond(stats, EmulatorProcess.STATUS_ROUTE);
        JsonNode noticeLag = stats.path("noticeLagMillis");
        int notDone = (int) finished.getCount();
        emulator.reset();

        Phase p = new Phase(name, jobs, slowModelMillis, threadsBefore, threadsPending, JvmProbe.peakThreads(),
                heapBefore, heapAccepted, heapMidWait, submitSeconds, acceptedSeconds, allDoneSeconds, statusCalls,
                peak, noticeLag, cpuWaiting / 1e6 / jobs, failures, notDone);
        System.out.printf("  %-15s %,7d jobs: %.2f status calls per job, peak %,d/s (cap %,d), %d threads, %.2f KiB"
                        + " per job, seen finished after its end by p50 %.2f s / max %.2f s, %d failed%n", name, jobs,
                p.checksPerJob(), peak, checkCap, threadsPending, p.heapPerJobAccepted() / 1024,
                noticeLag.path("p50").asDouble() / 1000, noticeLag.path("max").asDouble() / 1000, p.failed());
        return p;
    }

    void report(Report r) {
        Phase first = phases.get(0);
        r.heading(2, "2. Pending jobs: long predictions at once (sentiment-slow, " + first.slowModelMillis() / 1000
                + " s each)");
        r.paragraph("All submitted from one thread through `" + endpoint() + "` (other poll settings default: first"
                + " check after 250 ms doubling to 10 s while nothing is known of the model; once two jobs of the model"
                + " have finished, checks planned back from the expected end at 10 s spacing). The emulator answers"
                + " `Processing` and completes each job " + first.slowModelMillis() / 1000 + " s after it accepted it."
                + " Three batches on one endpoint, one after the other: cold (nothing learned yet), warm (the model's"
                + " duration learned from the cold batch), and a large warm batch. This JVM runs with `"
                + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
                + "`. Status calls and the busiest second are counted by the emulator (an exact sliding one-second"
                + " window). \"Seen finished after its end\" is measured by the emulator too: for every job, the time"
                + " from its end to the first status call that was answered with the finished job. Heap after full GC,"
                + " including the caller's Exchange and Map body of every job.");
        List<String> header = new ArrayList<>(List.of("measure"));
        phases.forEach(p -> header.add(p.name() + ", " + Report.num(p.jobs(), 0) + " jobs"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("status calls in all / per job", p -> Report.num(p.statusCalls(), 0) + " / "
                + Report.num(p.checksPerJob(), 2)));
        rows.add(row("status calls in the busiest second (cap " + Report.num(checkCap, 0) + ")",
                p -> Report.num(p.peakStatusPerSecond(), 0)));
        rows.add(row("first seen finished after its end: median / 95th percentile / max (jobs)", p -> Report.num(
                p.noticeLagMillis().path("p50").asDouble() / 1000, 2) + " / " + Report.num(p.noticeLagMillis()
                .path("p95").asDouble() / 1000, 2) + " / " + Report.num(p.noticeLagMillis().path("max").asDouble()
                / 1000, 2) + " s (" + Report.num(p.noticeLagMillis().path("jobs").asLong(), 0) + ")"));
        rows.add(row("live JVM threads before / all pending / peak", p -> p.threadsBefore() + " / "
                + p.threadsPending() + " / " + p.peakThreads()));
        rows.add(row("heap after GC: before / all accepted / mid-wait", p -> Report.num(Stats.mib(p.heapBefore()), 1)
                + " / " + Report.num(Stats.mib(p.heapAccepted()), 1) + " / "
                + (p.heapMidWait() < 0 ? "n/a" : Report.num(Stats.mib(p.heapMidWait()), 1)) + " MiB"));
        rows.add(row("heap per pending job: all accepted / mid-wait", p -> Report.num(p.heapPerJobAccepted() / 1024, 2)
                + " / " + (p.heapMidWait() < 0 ? "n/a" : Report.num(p.heapPerJobMidWait() / 1024, 2)) + " KiB"));
        rows.add(row("submit loop / all accepted / all ended", p -> Report.num(p.submitSeconds(), 1) + " / "
                + Report.num(p.acceptedSeconds(), 1) + " / " + Report.num(p.allDoneSeconds(), 1) + " s"));
        rows.add(row("client CPU from all accepted to all ended, per job",
                p -> Report.num(p.cpuMsPerJobWhileWaiting(), 3) + " ms"));
        rows.add(row("failed or not completed", p -> Integer.toString(p.failed())));
        r.table(header, rows);
        for (Phase p : phases) {
            p.failures().examples().forEach((kind, message) -> r.paragraph("Failures (" + p.name() + "): " + kind
                    + ", e.g. `" + message + "`"));
        }
        r.paragraph("Raw baseline: none like for like. HC5 has no job poller; holding this many pending jobs with the"
                + " raw client the naive way means a thread per job sleeping between status calls, or writing a"
                + " scheduler-driven poller by hand, which is what the component is.");
    }

    private List<String> row(String measure, java.util.function.Function<Phase, String> value) {
        List<String> cells = new ArrayList<>(List.of(measure));
        phases.forEach(p -> cells.add(value.apply(p)));
        return cells;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

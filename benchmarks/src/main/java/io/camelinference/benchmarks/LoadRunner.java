package io.camelinference.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Keeps a fixed number of asynchronous calls in flight from one thread and times the whole batch. */
final class LoadRunner {

    /** Starts one call; reports {@code true} (success) or {@code false} to {@code done} when it ends. */
    interface AsyncCall {
        void start(Consumer<Boolean> done) throws Exception;
    }

    record Result(int requests, long nanos, long cpuNanos, long allocatedBytes, int failures) {

        double perSecond() {
            return requests / (nanos / 1e9);
        }

        /** Client CPU milliseconds per 1,000 requests. */
        double cpuMillisPerThousand() {
            return cpuNanos / 1e6 / requests * 1000;
        }

        /** Bytes allocated per request by the benchmark JVM's live threads (the client's I/O and pool threads). */
        double allocatedPerRequest() {
            return allocatedBytes / (double) requests;
        }
    }

    private LoadRunner() {
    }

    static Result run(AsyncCall call, int requests, int inFlight) throws Exception {
        Semaphore permits = new Semaphore(inFlight);
        CountDownLatch finished = new CountDownLatch(requests);
        AtomicInteger failures = new AtomicInteger();
        Consumer<Boolean> done = ok -> {
            if (!ok) {
                failures.incrementAndGet();
            }
            permits.release();
            finished.countDown();
        };
        java.util.Map<Long, Long> allocated = JvmProbe.allocatedPerThread();
        long cpu0 = JvmProbe.processCpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            permits.acquire();
            call.start(done);
        }
        if (!finished.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(finished.getCount() + " calls never completed");
        }
        long nanos = System.nanoTime() - t0;
        long cpu = JvmProbe.processCpuNanos() - cpu0;
        return new Result(requests, nanos, cpu, JvmProbe.allocatedSince(allocated), failures.get());
    }
}

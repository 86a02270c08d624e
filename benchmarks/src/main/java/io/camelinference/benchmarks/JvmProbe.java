package io.camelinference.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.HashMap;
import java.util.Map;

/** What the benchmark reads about its own JVM: CPU time, heap, threads, allocation. */
final class JvmProbe {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private JvmProbe() {
    }

    /** CPU time of the whole process (all threads: I/O, Camel pools, GC, JIT), in nanoseconds. */
    static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** The whole machine's 1-minute load average: other work on the 2 cores shows up here. */
    static double systemLoadAverage() {
        return OS.getSystemLoadAverage();
    }

    static int liveThreads() {
        return THREADS.getThreadCount();
    }

    static int peakThreads() {
        return THREADS.getPeakThreadCount();
    }

    static void resetPeakThreads() {
        THREADS.resetPeakThreadCount();
    }

    /** Heap in use after full collections (System.gc() is a full GC with the default G1 collector). */
    static long heapUsedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Collects, then restarts the peak usage of every heap pool. */
    static void resetHeapPeaks() {
        heapUsedAfterGc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peak usage since {@link #resetHeapPeaks()}: an upper bound of the heap in use. */
    static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Bytes allocated so far by each live thread. */
    static Map<Long, Long> allocatedPerThread() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> out = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                out.put(ids[i], bytes[i]);
            }
        }
        return out;
    }

    /** Bytes allocated since {@code before} by threads alive now (threads that ended in between are not counted). */
    static long allocatedSince(Map<Long, Long> before) {
        long sum = 0;
        for (Map.Entry<Long, Long> now : allocatedPerThread().entrySet()) {
            sum += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        }
        return sum;
    }
}

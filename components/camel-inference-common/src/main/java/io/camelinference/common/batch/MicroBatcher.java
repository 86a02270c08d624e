package io.camelinference.common.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Gathers single items that arrive concurrently into one request: a batch leaves when it holds {@code maxBatch} items,
 * or {@code linger} after its first item arrived, whichever comes first; each item's future completes with its own
 * result. Holds no thread: a full batch is sent by the thread that filled it, a lingering one by the shared scheduler.
 * <p>
 * Used for Communications Mining's micro-batching (many one-e-mail exchanges, few large requests) and for batched job
 * status checks.
 *
 * @param <I> an item
 * @param <R> its result
 */
public final class MicroBatcher<I, R> {

    private final int maxBatch;
    private final Duration linger;
    private final ScheduledExecutorService scheduler;
    private final Function<List<I>, CompletableFuture<List<R>>> send;

    private final Object lock = new Object();
    private List<I> items = new ArrayList<>();
    private List<CompletableFuture<R>> waiters = new ArrayList<>();
    private long generation;
    private long batchesSent;

    /**
     * @param send sends one batch; completes with one result per item, in order
     */
    public MicroBatcher(int maxBatch, Duration linger, ScheduledExecutorService scheduler,
                        Function<List<I>, CompletableFuture<List<R>>> send) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        this.maxBatch = maxBatch;
        this.linger = linger;
        this.scheduler = scheduler;
        this.send = send;
    }

    /** The item's result, from the batch it joins. */
    public CompletableFuture<R> submit(I item) {
        CompletableFuture<R> result = new CompletableFuture<>();
        List<I> fullItems = null;
        List<CompletableFuture<R>> fullWaiters = null;
        long scheduleFor = -1;
        synchronized (lock) {
            items.add(item);
            waiters.add(result);
            if (items.size() >= maxBatch) {
                fullItems = items;
                fullWaiters = waiters;
                items = new ArrayList<>();
                waiters = new ArrayList<>();
                generation++;
            } else if (items.size() == 1) {
                scheduleFor = generation;
            }
        }
        if (fullItems != null) {
            dispatch(fullItems, fullWaiters);
        } else if (scheduleFor >= 0) {
            long gen = scheduleFor;
            try {
                scheduler.schedule(() -> flush(gen), linger.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                flush(gen);
            }
        }
        return result;
    }

    /** Items waiting for their batch to leave. */
    public int waitingCount() {
        synchronized (lock) {
            return items.size();
        }
    }

    /** Batches sent so far. */
    public long batchesSent() {
        synchronized (lock) {
            return batchesSent;
        }
    }

    /** Sends the lingering batch now (e.g. when the producer stops). */
    public void flush() {
        long gen;
        synchronized (lock) {
            gen = generation;
        }
        flush(gen);
    }

    private void flush(long gen) {
        List<I> batchItems;
        List<CompletableFuture<R>> batchWaiters;
        synchronized (lock) {
            if (gen != generation || items.isEmpty()) {
                return; // that batch already left full
            }
            batchItems = items;
            batchWaiters = waiters;
            items = new ArrayList<>();
            waiters = new ArrayList<>();
            generation++;
        }
        dispatch(batchItems, batchWaiters);
    }

    private void dispatch(List<I> batchItems, List<CompletableFuture<R>> batchWaiters) {
        synchronized (lock) {
            batchesSent++;
        }
        CompletableFuture<List<R>> answer;
        try {
            answer = send.apply(batchItems);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((results, error) -> {
            if (error == null && (results == null || results.size() != batchWaiters.size())) {
                error = new IllegalStateException("A batch of " + batchWaiters.size() + " items got "
                        + (results == null ? 0 : results.size()) + " results; expected one per item");
            }
            for (int i = 0; i < batchWaiters.size(); i++) {
                if (error != null) {
                    batchWaiters.get(i).completeExceptionally(error);
                } else {
                    batchWaiters.get(i).complete(results.get(i));
                }
            }
        });
    }
}

package io.camelinference.common.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Sends a list larger than a service's per-request limit (Communications Mining's 4,096 documents) as several requests
 * of at most {@code maxPerRequest} items, at most {@code concurrency} at a time, and joins the answers in input order.
 * Each request must answer one result per item it carried, in order.
 */
public final class BatchSplitter {

    private BatchSplitter() {
    }

    public static <I, R> CompletableFuture<List<R>> split(List<I> items, int maxPerRequest, int concurrency,
                                                          Function<List<I>, CompletableFuture<List<R>>> send) {
        if (maxPerRequest < 1 || concurrency < 1) {
            throw new IllegalArgumentException("maxPerRequest and concurrency must be at least 1");
        }
        int chunks = (items.size() + maxPerRequest - 1) / maxPerRequest;
        if (chunks <= 1) {
            return send.apply(items).thenApply(r -> checked(r, items.size(), 0));
        }
        List<List<R>> answers = new ArrayList<>(chunks);
        for (int i = 0; i < chunks; i++) {
            answers.add(null);
        }
        CompletableFuture<List<R>> result = new CompletableFuture<>();
        AtomicInteger nextChunk = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Runnable[] sendNext = new Runnable[1];
        sendNext[0] = () -> {
            int chunk = nextChunk.getAndIncrement();
            if (chunk >= chunks || result.isDone()) {
                return;
            }
            int from = chunk * maxPerRequest;
            List<I> part = items.subList(from, Math.min(items.size(), from + maxPerRequest));
            CompletableFuture<List<R>> sent;
            try {
                sent = send.apply(part);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((answer, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                    return;
                }
                try {
                    answers.set(chunk, checked(answer, part.size(), from));
                } catch (IllegalStateException e) {
                    result.completeExceptionally(e);
                    return;
                }
                if (done.incrementAndGet() == chunks) {
                    List<R> all = new ArrayList<>(items.size());
                    answers.forEach(all::addAll);
                    result.complete(all);
                } else {
                    sendNext[0].run();
                }
            });
        };
        for (int i = 0; i < Math.min(concurrency, chunks); i++) {
            sendNext[0].run();
        }
        return result;
    }

    private static <R> List<R> checked(List<R> answer, int expected, int from) {
        if (answer == null || answer.size() != expected) {
            throw new IllegalStateException("The service answered " + (answer == null ? 0 : answer.size())
                    + " results for the " + expected + " items from index " + from + "; expected one per item");
        }
        return answer;
    }
}

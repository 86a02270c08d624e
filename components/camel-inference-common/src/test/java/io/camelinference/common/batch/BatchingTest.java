package io.camelinference.common.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchingTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aListOverTheLimitGoesAsSeveralRequestsJoinedInInputOrder() throws Exception {
        List<Integer> items = IntStream.range(0, 10_000).boxed().toList();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        List<String> answers = BatchSplitter.split(items, 4096, 2, chunk -> {
            sizes.add(chunk.size());
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            // answers arrive out of order: the last chunk first
            long delay = chunk.size() < 4096 ? 10 : 100;
            return CompletableFuture.supplyAsync(() -> {
                inFlight.decrementAndGet();
                return chunk.stream().map(i -> "r" + i).toList();
            }, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
        }).get(10, TimeUnit.SECONDS);
        assertThat(sizes).containsExactlyInAnyOrder(4096, 4096, 1808);
        assertThat(maxInFlight.get()).isLessThanOrEqualTo(2);
        assertThat(answers).hasSize(10_000);
        assertThat(answers.get(0)).isEqualTo("r0");
        assertThat(answers.get(9999)).isEqualTo("r9999");
        assertThat(answers.get(5000)).isEqualTo("r5000");
    }

    @Test
    void anAnswerWithTheWrongCountFailsInsteadOfMisaligning() {
        assertThatThrownBy(() -> BatchSplitter.split(List.of(1, 2, 3), 2, 1,
                chunk -> CompletableFuture.completedFuture(List.of("only one"))).get(5, TimeUnit.SECONDS))
                .hasMessageContaining("expected one per item");
    }

    @Test
    void concurrentSingleItemsAreGatheredIntoFewRequestsEachGettingItsOwnAnswer() throws Exception {
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        MicroBatcher<Integer, String> batcher = new MicroBatcher<>(100, Duration.ofMillis(50), scheduler, batch -> {
            batchSizes.add(batch.size());
            return CompletableFuture.completedFuture(batch.stream().map(i -> "answer " + i).toList());
        });
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            results.add(batcher.submit(i));
        }
        for (int i = 0; i < 1000; i++) {
            assertThat(results.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("answer " + i);
        }
        assertThat(batchSizes).hasSize(10).allMatch(size -> size == 100);
        assertThat(batcher.batchesSent()).isEqualTo(10);
    }

    @Test
    void aLoneItemLeavesWhenItsLingerEnds() throws Exception {
        MicroBatcher<String, String> batcher = new MicroBatcher<>(100, Duration.ofMillis(30), scheduler,
                batch -> CompletableFuture.completedFuture(batch.stream().map(String::toUpperCase).toList()));
        assertThat(batcher.submit("alone").get(5, TimeUnit.SECONDS)).isEqualTo("ALONE");
        assertThat(batcher.waitingCount()).isZero();
    }

    @Test
    void aFailedBatchFailsEachOfItsItems() {
        MicroBatcher<String, String> batcher = new MicroBatcher<>(2, Duration.ofSeconds(5), scheduler,
                batch -> CompletableFuture.failedFuture(new IllegalStateException("service down")));
        CompletableFuture<String> a = batcher.submit("a");
        CompletableFuture<String> b = batcher.submit("b");
        assertThatThrownBy(() -> a.get(5, TimeUnit.SECONDS)).hasMessageContaining("service down");
        assertThatThrownBy(() -> b.get(5, TimeUnit.SECONDS)).hasMessageContaining("service down");
    }
}

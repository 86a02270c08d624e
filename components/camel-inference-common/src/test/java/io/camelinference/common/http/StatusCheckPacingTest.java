package io.camelinference.common.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cap on status checks per second: kept on the wire (at the gate), never exceeded, and no obstacle to other calls. */
class StatusCheckPacingTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private final RequestGate gate = new RequestGate("svc", 1000, Duration.ofMillis(100), Duration.ofSeconds(1),
            scheduler);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void noOneSecondEverHoldsMoreChecksThanTheCap() throws Exception {
        StatusCheckPacer pacer = new StatusCheckPacer(50);
        List<Long> grantedAt = new CopyOnWriteArrayList<>();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            all.add(gate.acquire(pacer).thenAccept(permit -> {
                grantedAt.add(System.nanoTime());
                permit.answered();
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        List<Long> sorted = grantedAt.stream().sorted().toList();
        // any 51 checks in a row span more than a second (the slots are 22 ms apart; the timestamps are taken just
        // after the grant, so a little slack for the thread that takes them)
        for (int i = 0; i + 50 < sorted.size(); i++) {
            assertThat(sorted.get(i + 50) - sorted.get(i)).as("checks %d to %d", i, i + 50)
                    .isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1050));
        }
        assertThat(pacer.taken()).isEqualTo(120);
    }

    @Test
    void otherCallsPassChecksThatWaitForTheirSlot() throws Exception {
        StatusCheckPacer pacer = new StatusCheckPacer(1);
        CompletableFuture<RequestGate.Permit> first = gate.acquire(pacer);
        CompletableFuture<RequestGate.Permit> second = gate.acquire(pacer);
        assertThat(first).isDone();
        assertThat(second).as("its slot is 1.1 s away").isNotDone();

        CompletableFuture<RequestGate.Permit> predict = gate.acquire();
        assertThat(predict).as("a call that is not a status check does not wait behind it").isDone();
        assertThat(gate.waitingCount()).isEqualTo(1);

        second.get(5, TimeUnit.SECONDS);
        assertThat(gate.waitingCount()).isZero();
    }

    @Test
    void aCheckWaitsOnlyForItsOwnPacersSlots() {
        StatusCheckPacer a = new StatusCheckPacer(1);
        StatusCheckPacer b = new StatusCheckPacer(1);
        assertThat(gate.acquire(a)).isDone();
        assertThat(gate.acquire(a)).isNotDone();
        assertThat(gate.acquire(b)).as("another pace").isDone();
    }
}

package io.camelinference.common.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RequestGateTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void atMostMaxInFlightGoAndTheRestQueueInOrderWithoutAThread() {
        RequestGate gate = new RequestGate("svc", 2, Duration.ofMillis(10), Duration.ofMillis(100), scheduler);
        List<CompletableFuture<RequestGate.Permit>> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tickets.add(gate.acquire());
        }
        assertThat(tickets).filteredOn(CompletableFuture::isDone).hasSize(2);
        assertThat(gate.waitingCount()).isEqualTo(3);
        tickets.get(0).join().answered();
        assertThat(tickets.get(2)).isDone();
        assertThat(tickets.get(3)).isNotDone();
    }

    @Test
    void aRateLimitPausesEveryoneThenOneProbeGoesFirst() {
        RequestGate gate = new RequestGate("svc", 4, Duration.ofMillis(10), Duration.ofMillis(100), scheduler);
        CompletableFuture<RequestGate.Permit> first = gate.acquire();
        first.join().rateLimited(Duration.ofMillis(200));
        assertThat(gate.isPaused()).isTrue();
        List<CompletableFuture<RequestGate.Permit>> queued = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            queued.add(gate.acquire());
        }
        assertThat(queued).noneMatch(CompletableFuture::isDone);
        // after the pause exactly one goes, as a probe
        await().atMost(Duration.ofSeconds(5)).until(() -> queued.get(0).isDone());
        assertThat(queued.subList(1, 4)).noneMatch(CompletableFuture::isDone);
        // its success reopens the gate for the others
        queued.get(0).join().answered();
        assertThat(queued.subList(1, 4)).allMatch(CompletableFuture::isDone);
        assertThat(gate.isPaused()).isFalse();
        assertThat(gate.rateLimitedCount()).isEqualTo(1);
    }

    @Test
    void aTicketLeftWhileQueuedGivesItsPlaceBack() {
        RequestGate gate = new RequestGate("svc", 1, Duration.ofMillis(10), Duration.ofMillis(100), scheduler);
        RequestGate.Permit holding = gate.acquire().join();
        CompletableFuture<RequestGate.Permit> leaving = gate.acquire();
        CompletableFuture<RequestGate.Permit> staying = gate.acquire();
        leaving.cancel(false);
        holding.answered();
        assertThat(staying).isDone();
        assertThat(gate.inFlight()).isEqualTo(1);
    }
}

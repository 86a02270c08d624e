package io.camelinference.common.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camelinference.common.error.InferenceException;
import io.camelinference.common.retry.RetryPolicy;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Following next links: to the end, never in a loop, never past the cap, never to another host with the key. */
class PagesTest {

    record Page(List<Integer> results, String next) {
    }

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private HttpClientRegistry registry;
    private ScriptedServer server;
    private InferenceHttpClient http;

    @BeforeEach
    void start() throws Exception {
        registry = new HttpClientRegistry(new DefaultCamelContext(), "test");
        server = new ScriptedServer();
        http = new InferenceHttpClient("test", registry.client(new TransportSettings(Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 4, 1L << 20, 1L << 20, null, null, 0)),
                server.url() + "/v0.7", AuthStrategy.header("X-API-KEY", "", "k3y-of-the-test"), RetryPolicy.none(),
                new HttpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ZERO),
                new RequestGate("test", 4, Duration.ofMillis(10), Duration.ofMillis(100), scheduler), scheduler,
                Runnable::run);
    }

    @AfterEach
    void stop() {
        registry.close();
        server.close();
        scheduler.shutdownNow();
    }

    private List<Integer> collect(int maxPages) throws Exception {
        try {
            return Pages.collect(http, "/tasks/?limit=2", Page.class, Page::results, Page::next, maxPages)
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void followsNextToTheLastPage() throws Exception {
        server.script((ex, n) -> ScriptedServer.reply(ex, 200, n < 3
                ? "{\"results\":[" + n + "],\"next\":\"" + server.url() + "/v0.7/tasks/?offset=" + n + "\"}"
                : "{\"results\":[3],\"next\":null}"));
        assertThat(collect(10)).containsExactly(1, 2, 3);
    }

    @Test
    void aPageItsReaderCannotUseFailsTheListInsteadOfLeavingItPending() {
        server.script((ex, n) -> ScriptedServer.reply(ex, 200, "{\"results\":[1],\"next\":null}"));
        java.util.concurrent.CompletableFuture<List<Integer>> list = Pages.collect(http, "/tasks/", Page.class,
                page -> {
                    throw new IllegalArgumentException("results of an unknown shape");
                }, Page::next, 10);

        assertThatThrownBy(() -> list.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown shape");
    }

    @Test
    void aSelfReferencingNextFailsClearlyInsteadOfLoopingUntilTheHeapIsGone() {
        server.script((ex, n) -> ScriptedServer.reply(ex, 200,
                "{\"results\":[1],\"next\":\"" + server.url() + "/v0.7/tasks/?limit=2\"}"));
        assertThatThrownBy(() -> collect(1000)).isInstanceOf(InferenceException.class)
                .hasMessageContaining("points back to a page already read");
        assertThat(server.count()).isEqualTo(1);
    }

    @Test
    void anEndlessListStopsAtThePageCap() {
        server.script((ex, n) -> ScriptedServer.reply(ex, 200,
                "{\"results\":[1],\"next\":\"" + server.url() + "/v0.7/tasks/?offset=" + n + "\"}"));
        assertThatThrownBy(() -> collect(5)).isInstanceOf(InferenceException.class).hasMessageContaining("more than 5");
        assertThat(server.count()).isEqualTo(5);
    }

    @Test
    void aNextOnAnotherHostIsRefusedAndThatHostHearsNothing() throws Exception {
        try (ScriptedServer elsewhere = new ScriptedServer()) {
            server.script((ex, n) -> ScriptedServer.reply(ex, 200,
                    "{\"results\":[1],\"next\":\"" + elsewhere.url() + "/steal?offset=2\"}"));
            assertThatThrownBy(() -> collect(10)).isInstanceOf(InferenceException.class)
                    .hasMessageContaining("outside the configured baseUrl").hasMessageNotContaining("k3y-of-the-test");
            assertThat(elsewhere.count()).isZero();
        }
    }
}

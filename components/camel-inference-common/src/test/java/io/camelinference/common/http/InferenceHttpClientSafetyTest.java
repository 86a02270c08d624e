package io.camelinference.common.http;

import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelinference.common.body.RequestBody;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceException;
import io.camelinference.common.error.InferenceTransportException;
import io.camelinference.common.retry.Backoff;
import io.camelinference.common.retry.RetryPolicy;
import io.camelinference.common.retry.RetrySafety;
import io.camelinference.common.time.Deadline;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.core5.http.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the client guarantees against slow, hostile or rate-limiting servers. */
class InferenceHttpClientSafetyTest {

    private static final String KEY = "sk-live-4711-very-secret";

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService completions = Executors.newFixedThreadPool(2, r -> new Thread(r, "completion"));
    private HttpClientRegistry registry;
    private ScriptedServer server;

    @BeforeEach
    void start() throws Exception {
        registry = new HttpClientRegistry(camel, "test");
        server = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        registry.close();
        server.close();
        scheduler.shutdownNow();
        completions.shutdownNow();
    }

    private InferenceHttpClient client(int maxRetries, HttpTimeouts timeouts, int maxInFlight, TransportSettings transport,
                                       AuthStrategy auth) {
        RetryPolicy policy = new RetryPolicy(maxRetries, new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), true),
                Duration.ofSeconds(30));
        RequestGate gate = new RequestGate("test", maxInFlight, Duration.ofMillis(50), Duration.ofMillis(400), scheduler);
        return new InferenceHttpClient("test", registry.client(transport), server.url() + "/api", auth, policy, timeouts,
                gate, scheduler, completions::execute);
    }

    private InferenceHttpClient client(int maxRetries, HttpTimeouts timeouts, int maxInFlight) {
        return client(maxRetries, timeouts, maxInFlight, transport(16, 64L << 20, 16L << 20, Duration.ofSeconds(5)),
                AuthStrategy.header("Authorization", "Bearer ", KEY));
    }

    private InferenceHttpClient client() {
        return client(2, timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)), 16);
    }

    private static HttpTimeouts timeouts(Duration request, Duration rateLimitWait) {
        return new HttpTimeouts(request, Duration.ofSeconds(60), rateLimitWait);
    }

    private static TransportSettings transport(int connections, long memory, long one, Duration leaseTimeout) {
        return new TransportSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), leaseTimeout, connections, memory,
                one, null, null, 0);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // a slow server, simulated
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aServerTricklingItsAnswerCannotHoldTheCallPastTheRequestTimeout() {
        AtomicBoolean finishedWriting = new AtomicBoolean();
        server.script((ex, n) -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 40; i++) {
                    out.write(' ');
                    out.flush();
                    pause(200); // a byte every 200 ms keeps the socket timeout from ever firing
                }
                out.write("{}".getBytes());
            } catch (java.io.IOException closed) {
                return;
            }
            finishedWriting.set(true);
        });
        InferenceHttpClient http = client(0, timeouts(Duration.ofMillis(800), Duration.ofSeconds(30)), 4);
        assertThatThrownBy(() -> await(http.send(ApiRequest.get("/status/1").build())))
                .isInstanceOf(InferenceTransportException.class).hasMessageContaining("no complete answer within 800 ms");
        assertThat(finishedWriting).as("the call ended before the server finished trickling").isFalse();
    }

    @Test
    void aJobsDeadlineBoundsItsCheckEvenWhenTheClientTimeoutIsLonger() {
        server.script((ex, n) -> {
            pause(3000);
            ScriptedServer.reply(ex, 200, "{}");
        });
        ApiRequest check = ApiRequest.get("/status/1").deadline(Deadline.in(Duration.ofMillis(300))).build();
        assertThatThrownBy(() -> await(client().send(check)))
                .isInstanceOf(InferenceTransportException.class).hasMessageContaining("before the job's deadline");
    }

    @Test
    void theCredentialIsSentOnlyToTheConfiguredOrigin() throws Exception {
        try (ScriptedServer elsewhere = new ScriptedServer()) {
            InferenceHttpClient http = client();
            assertThatThrownBy(() -> await(http.send(ApiRequest.get(elsewhere.url() + "/v0.7/tasks/?page=2").build())))
                    .isInstanceOf(InferenceException.class).hasMessageContaining("outside the configured baseUrl")
                    .hasMessageContaining("nothing was sent").hasMessageNotContaining(KEY);
            assertThat(elsewhere.count()).isZero();

            // the same origin may be named absolutely (a next link, a status URL) and still gets the key
            await(http.send(ApiRequest.get(server.url() + "/api/tasks/?page=2").build()));
            assertThat(server.requests().get(0).headers().getFirst("Authorization")).isEqualTo("Bearer " + KEY);

            // a signed link elsewhere goes without it
            await(http.send(ApiRequest.put(elsewhere.url() + "/bucket/x?sig=1").withoutAuth().build()));
            assertThat(elsewhere.requests().get(0).headers().containsKey("Authorization")).isFalse();
        }
    }

    @Test
    void aRateLimitStormIsRiddenOutByTheWholeServiceTogether() throws Exception {
        long stormEnds = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        AtomicInteger limited = new AtomicInteger();
        server.script((ex, n) -> {
            if (System.nanoTime() < stormEnds) {
                limited.incrementAndGet();
                ex.getResponseHeaders().set("Retry-After", "0");
                ScriptedServer.reply(ex, 429, "{\"message\":\"slow down\"}");
            } else {
                ScriptedServer.reply(ex, 200, "{\"ok\":true}");
            }
        });
        // billed calls, one retry each: without the shared pause every one of them would run out of retries
        InferenceHttpClient http = client(1, timeouts(Duration.ofSeconds(10), Duration.ofSeconds(20)), 8);
        List<CompletableFuture<ApiResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(http.send(ApiRequest.post("/predict").body(RequestBody.json(Map.of("i", i)))
                    .safety(RetrySafety.NOT_AFTER_RECEIVED).build()));
        }
        for (CompletableFuture<ApiResponse> call : calls) {
            assertThat(await(call).status()).isEqualTo(200);
        }
        assertThat(http.gate().rateLimitedCount()).isEqualTo(limited.get());
        assertThat(limited.get()).as("429s collected: a probe per pause, not one per queued call").isLessThan(100);
    }

    @Test
    void aStormLongerThanMaxRateLimitWaitFailsClearly() {
        server.script((ex, n) -> {
            ex.getResponseHeaders().set("Retry-After", "0");
            ScriptedServer.reply(ex, 429, "{\"message\":\"slow down\"}");
        });
        InferenceHttpClient http = client(1, timeouts(Duration.ofSeconds(10), Duration.ofMillis(600)), 4);
        assertThatThrownBy(() -> await(http.send(ApiRequest.get("/x").build())))
                .isInstanceOf(InferenceApiException.class).hasMessageContaining("429")
                .hasMessageContaining("maxRateLimitWait");
    }

    @Test
    void anAnswerTooLargeForMemoryFailsClearlyAndGivesItsBudgetBack() throws Exception {
        byte[] huge = new byte[300 * 1024];
        server.script((ex, n) -> {
            ex.sendResponseHeaders(200, n == 1 ? 0 : huge.length); // chunked first, then with a Content-Length
            try (OutputStream out = ex.getResponseBody()) {
                out.write(huge);
            } catch (java.io.IOException closed) {
                // the client gave up reading, as it should
            }
        });
        InferenceHttpClient http = client(0, timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10)), 4,
                transport(4, 1L << 20, 128 * 1024, Duration.ofSeconds(5)), AuthStrategy.none());
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> await(http.send(ApiRequest.get("/big").build())))
                    .isInstanceOf(InferenceTransportException.class).hasMessageContaining("maxResponseSize");
        }
        assertThat(http.pooled.budget().used()).isZero();
    }

    @Test
    void causesOfAnUnreadableAnswerAreMaskedToo() {
        server.script((ex, n) -> ScriptedServer.reply(ex, 200, "{\"echo\":\"Bearer " + KEY + "\", \"broken"));
        Throwable error = null;
        try {
            await(client().send(ApiRequest.post("/predict").build(), Map.class));
        } catch (Exception e) {
            error = e;
        }
        assertThat(error).isInstanceOf(InferenceTransportException.class);
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY);
            assertThat(t.toString()).doesNotContain(KEY);
        }
    }

    @Test
    void aBilledCallThatNeverLeftThePoolIsRetried() throws Exception {
        server.script((ex, n) -> {
            if (n == 1) {
                pause(700); // holds the only connection
            }
            ScriptedServer.reply(ex, 200, "{}");
        });
        InferenceHttpClient http = client(2, timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10)), 8,
                transport(1, 1L << 20, 1L << 20, Duration.ofMillis(150)), AuthStrategy.none());
        java.util.List<String> retried = new java.util.concurrent.CopyOnWriteArrayList<>();
        http.onRetry((request, reason) -> retried.add(request.method() + " " + request.url() + " " + reason));
        CompletableFuture<ApiResponse> first = http.send(ApiRequest.get("/slow").build());
        CompletableFuture<ApiResponse> billed = http.send(ApiRequest.post("/predict").safety(RetrySafety.NOT_AFTER_RECEIVED)
                .build());
        assertThat(await(first).status()).isEqualTo(200);
        assertThat(await(billed).status()).isEqualTo(200);
        assertThat(server.count()).isEqualTo(2);
        // its lease of the pool timed out (150 ms, the connection held 700 ms) and it was sent again, not failed
        assertThat(retried).isNotEmpty().allMatch(r -> r.equals("POST /predict transport"));
    }

    @Test
    void aMalformedSignedLinkIsReportedWithoutItsQuery() {
        // a signed storage link with an unencoded space: URI's own message would quote it whole, signature included
        String link = "https://bucket.example.com/up/file.pdf?X-Amz-Signature=abc123secret&note=a b";
        Throwable error = null;
        try {
            await(client().send(ApiRequest.put(link).withoutAuth().build()));
        } catch (Exception e) {
            error = e;
        }
        assertThat(error).isInstanceOf(InferenceTransportException.class).hasMessageContaining("malformed");
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertThat(t.toString()).doesNotContain("abc123secret");
        }
        assertThat(server.count()).isZero();
    }

    @Test
    void aRedirectIsReportedWithWhereItPoints() {
        server.script((ex, n) -> {
            ex.getResponseHeaders().set("Location", "https://api.example.com/v2/x?token=abc");
            ScriptedServer.reply(ex, 307, "");
        });
        assertThatThrownBy(() -> await(client().send(ApiRequest.get("/x").build())))
                .isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("HTTP 307 Redirect").hasMessageContaining("https://api.example.com/v2/x")
                .hasMessageContaining("not followed").hasMessageNotContaining("token=abc");
    }

    @Test
    void answersContinueOnCompletionThreadsNotOnIoThreads() throws Exception {
        String thread = await(client().send(ApiRequest.get("/x").build())
                .thenApply(r -> Thread.currentThread().getName()));
        assertThat(thread).isEqualTo("completion");
    }

    @Test
    void aRefusedShortLivedTokenIsRefreshedOnceAndTheCallSentAgain() throws Exception {
        server.script((ex, n) -> ScriptedServer.reply(ex,
                "Bearer fresh-token".equals(ex.getRequestHeaders().getFirst("Authorization")) ? 200 : 401,
                "{\"detail\":\"expired\"}"));
        AtomicInteger refreshed = new AtomicInteger();
        AuthStrategy refreshing = new AuthStrategy() {
            private volatile String token = "stale-token";

            @Override
            public CompletableFuture<Header> credential() {
                return CompletableFuture.completedFuture(new SensitiveHeader("Authorization", "Bearer ", token));
            }

            @Override
            public boolean refused(Header used) {
                refreshed.incrementAndGet();
                token = "fresh-token";
                return true;
            }

            @Override
            public Collection<String> secrets() {
                return List.of(token);
            }
        };
        InferenceHttpClient http = client(0, timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10)), 4,
                transport(4, 1L << 20, 1L << 20, Duration.ofSeconds(5)), refreshing);
        assertThat(await(http.send(ApiRequest.get("/x").build())).status()).isEqualTo(200);
        assertThat(refreshed).hasValue(1);
        assertThat(server.count()).isEqualTo(2);
    }

    @Test
    void theCredentialHeaderNeverShowsInText() {
        SensitiveHeader header = new SensitiveHeader("Authorization", "Bearer APIKEY@", KEY);
        assertThat(header.getValue()).isEqualTo("Bearer APIKEY@" + KEY);
        assertThat(header.toString()).isEqualTo("Authorization: Bearer APIKEY@******").doesNotContain(KEY);
        assertThat(AuthStrategy.header("X-API-KEY", "", KEY).toString()).doesNotContain(KEY);
    }
}

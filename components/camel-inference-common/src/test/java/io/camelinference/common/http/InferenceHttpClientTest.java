package io.camelinference.common.http;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camelinference.common.body.RequestBody;
import io.camelinference.common.body.UploadSource;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceTransportException;
import io.camelinference.common.retry.Backoff;
import io.camelinference.common.retry.RetryPolicy;
import io.camelinference.common.retry.RetrySafety;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InferenceHttpClientTest {

    private static final String KEY = "top-secret-key-42";

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private HttpClientRegistry registry;
    private ScriptedServer server;

    @TempDir
    Path dir;

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
    }

    private InferenceHttpClient client(String baseUrl, int maxRetries, Duration maxRetryAfter, TransportSettings transport) {
        return client(baseUrl, maxRetries, maxRetryAfter, transport,
                new HttpTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30)), 16);
    }

    private InferenceHttpClient client(String baseUrl, int maxRetries, Duration maxRetryAfter, TransportSettings transport,
                                       HttpTimeouts timeouts, int maxInFlight) {
        RetryPolicy policy = new RetryPolicy(maxRetries, new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), true),
                maxRetryAfter);
        RequestGate gate = new RequestGate("test", maxInFlight, Duration.ofMillis(20), Duration.ofMillis(500), scheduler);
        return new InferenceHttpClient("test", registry.client(transport), baseUrl,
                AuthStrategy.header("Authorization", "Bearer ", KEY), policy, timeouts, gate, scheduler, Runnable::run);
    }

    private InferenceHttpClient client(int maxRetries) {
        return client(server.url() + "/api/", maxRetries, Duration.ofSeconds(5), transport());
    }

    private static TransportSettings transport() {
        return transport(16, null, null, 0);
    }

    private static TransportSettings transport(int connections, org.apache.camel.support.jsse.SSLContextParameters tls,
                                               String proxyHost, int proxyPort) {
        return new TransportSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5), connections,
                64L << 20, 16L << 20, tls, proxyHost, proxyPort);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void sendsTheCredentialAndResolvesPathsAgainstTheBaseUrl() throws Exception {
        ApiResponse response = await(client(0).send(ApiRequest.get("/things/1").build()));
        assertThat(response.status()).isEqualTo(200);
        ScriptedServer.Recorded request = server.requests().get(0);
        assertThat(request.uri()).isEqualTo("/api/things/1");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void signedLinksGetNoCredential() throws Exception {
        await(client(0).send(ApiRequest.put(server.url() + "/upload?sig=abc").withoutAuth()
                .body(RequestBody.bytes(new byte[] { 1, 2, 3 }, ContentType.APPLICATION_OCTET_STREAM)).build()));
        assertThat(server.requests().get(0).headers().containsKey("Authorization")).isFalse();
    }

    @Test
    void idempotentCallsAreRetriedThrough5xx() throws Exception {
        server.script((ex, n) -> ScriptedServer.reply(ex, n < 3 ? 503 : 200, "{\"ok\":" + n + "}"));
        ApiResponse response = await(client(3).send(ApiRequest.get("/status").build()));
        assertThat(response.json().get("ok").asInt()).isEqualTo(3);
        assertThat(server.count()).isEqualTo(3);
    }

    @Test
    void billedCallsAreNotResentAfterA5xx() {
        server.script((ex, n) -> ScriptedServer.reply(ex, 502, "{\"message\":\"upstream died\"}"));
        assertThatThrownBy(() -> await(client(3).send(ApiRequest.post("/predict")
                .body(RequestBody.json(java.util.Map.of("a", 1))).safety(RetrySafety.NOT_AFTER_RECEIVED).build())))
                .isInstanceOf(InferenceApiException.class).hasMessageContaining("502").hasMessageContaining("upstream died");
        assertThat(server.count()).isEqualTo(1);
    }

    @Test
    void billedCallsAreRetriedAfterA429WhichTheServiceDidNotProcess() throws Exception {
        server.script((ex, n) -> {
            if (n == 1) {
                ex.getResponseHeaders().set("Retry-After", "1");
                ScriptedServer.reply(ex, 429, "{\"message\":\"slow down\"}");
            } else {
                ScriptedServer.reply(ex, 200, "{}");
            }
        });
        await(client(3).send(ApiRequest.post("/predict").safety(RetrySafety.NOT_AFTER_RECEIVED).build()));
        assertThat(server.count()).isEqualTo(2);
    }

    @Test
    void aRetryAfterBeyondTheCapFailsAtOnceInsteadOfWaiting() {
        server.script((ex, n) -> {
            ex.getResponseHeaders().set("Retry-After", "3600");
            ScriptedServer.reply(ex, 503, "{\"message\":\"maintenance\"}");
        });
        assertThatThrownBy(() -> await(client(server.url(), 5, Duration.ofSeconds(30), transport())
                .send(ApiRequest.get("/x").build())))
                .isInstanceOf(InferenceApiException.class).hasMessageContaining("3600").hasMessageContaining("maxRetryAfter");
        assertThat(server.count()).isEqualTo(1);
    }

    @Test
    void httpClientsOwnRetriesAreOff() {
        // HC5 would re-send this itself (and wait out Retry-After) if its automatic retries were on
        server.script((ex, n) -> {
            ex.getResponseHeaders().set("Retry-After", "1");
            ScriptedServer.reply(ex, 503, "{}");
        });
        InferenceHttpClient noWaiting = client(server.url(), 0, Duration.ofSeconds(5), transport(),
                new HttpTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ZERO), 16);
        assertThatThrownBy(() -> await(noWaiting.send(ApiRequest.get("/x").build())))
                .isInstanceOf(InferenceApiException.class).hasMessageContaining("maxRateLimitWait");
        assertThat(server.count()).isEqualTo(1);
    }

    @Test
    void fieldErrorsOfDjangoRestFrameworkServicesReachTheMessage() {
        server.script((ex, n) -> ScriptedServer.reply(ex, 400, "{\"detail\":\"Validation error\",\"validation_errors\":"
                + "{\"label_config\":[\"Unknown tag Choicez\"]}}"));
        assertThatThrownBy(() -> await(client(0).send(ApiRequest.post("/projects").build())))
                .isInstanceOf(InferenceApiException.class).hasMessageContaining("Validation error")
                .hasMessageContaining("label_config").hasMessageContaining("Unknown tag Choicez");
    }

    @Test
    void theCredentialIsMaskedEvenWhenTheServiceEchoesIt() {
        server.script((ex, n) -> ScriptedServer.reply(ex, 401, "{\"detail\":\"Invalid key " + KEY + "\"}"));
        assertThatThrownBy(() -> await(client(0).send(ApiRequest.get("/x").build())))
                .isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("401").hasMessageContaining("Invalid key ******")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void signaturesInQueryStringsStayOutOfMessages() {
        server.script((ex, n) -> ScriptedServer.reply(ex, 403, "{\"message\":\"expired\"}"));
        assertThatThrownBy(() -> await(client(0).send(ApiRequest.put(server.url() + "/bucket/f?X-Amz-Signature=s1gn")
                .withoutAuth().build())))
                .hasMessageContaining("PUT /bucket/f").hasMessageNotContaining("s1gn");
    }

    @Test
    void jsonAnswersAreReadAsRecords() throws Exception {
        server.script((ex, n) -> ScriptedServer.reply(ex, 200, "{\"name\":\"a\",\"count\":2,\"unknownField\":true}"));
        Thing thing = await(client(0).send(ApiRequest.get("/thing").build(), Thing.class));
        assertThat(thing).isEqualTo(new Thing("a", 2));
    }

    record Thing(String name, int count) {
    }

    @Test
    void unreadableAnswersToReadsAreRetriedAndToBilledCallsAreNot() throws Exception {
        server.script((ex, n) -> ScriptedServer.reply(ex, 200, n == 1 ? "{\"name\":\"tr" : "{\"name\":\"ok\",\"count\":1}"));
        assertThat(await(client(2).send(ApiRequest.get("/thing").build(), Thing.class)).name()).isEqualTo("ok");
        assertThat(server.count()).isEqualTo(2);

        server.script((ex, n) -> ScriptedServer.reply(ex, 200, "{\"name\":\"tr"));
        assertThatThrownBy(() -> await(client(2).send(ApiRequest.post("/create").build(), Thing.class)))
                .isInstanceOf(InferenceTransportException.class).hasMessageContaining("Thing");
        assertThat(server.count()).isEqualTo(3);
    }

    @Test
    void aReadThatStaysUnreadableIsAskedMaxRetriesTimesThenFailsAsALostAnswer() throws Exception {
        server.script((ex, n) -> ScriptedServer.reply(ex, 200, n <= 2 ? "{\"name\":\"tr" : "{\"name\":\"ok\"}"));
        assertThat(await(client(2).send(ApiRequest.get("/thing").build(), Thing.class)).name())
                .as("two unreadable answers in a row are ridden out").isEqualTo("ok");
        assertThat(server.count()).isEqualTo(3);

        server.script((ex, n) -> ScriptedServer.reply(ex, 200, "<html>"));
        assertThatThrownBy(() -> await(client(2).send(ApiRequest.get("/thing").build(), Thing.class)))
                .as("a transport failure, so a job's poller checks again later instead of failing the job")
                .isInstanceOf(InferenceTransportException.class).hasMessageContaining("Thing");
        assertThat(server.count()).as("the first ask and two more").isEqualTo(3 + 3);
    }

    @Test
    void filesStreamUpWithTheirLengthAndArriveIntact() throws Exception {
        Path file = dir.resolve("data.bin");
        byte[] data = new byte[5 * 1024 * 1024 + 17];
        new Random(7).nextBytes(data);
        Files.write(file, data);

        await(client(0).send(ApiRequest.put("/upload").body(RequestBody.upload(UploadSource.ofPath(file),
                ContentType.APPLICATION_OCTET_STREAM)).build()));

        ScriptedServer.Recorded request = server.requests().get(0);
        assertThat(request.bodySize()).isEqualTo(data.length);
        assertThat(request.headers().getFirst("Content-Length")).isEqualTo(String.valueOf(data.length));
        assertThat(request.sha256()).isEqualTo(sha256(data));
    }

    @Test
    void streamsOfUnknownLengthGoChunked() throws Exception {
        byte[] data = "streamed content".getBytes(StandardCharsets.UTF_8);
        await(client(0).send(ApiRequest.put("/upload").body(RequestBody.upload(
                UploadSource.ofStream("s.txt", new ByteArrayInputStream(data)), ContentType.TEXT_PLAIN)).build()));
        ScriptedServer.Recorded request = server.requests().get(0);
        assertThat(request.bodyText()).isEqualTo("streamed content");
        assertThat(request.headers().getFirst("Transfer-Encoding")).isEqualToIgnoringCase("chunked");
    }

    @Test
    void downloadsStreamToTheirFile() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024];
        new Random(3).nextBytes(data);
        server.script((ex, n) -> {
            ex.sendResponseHeaders(200, data.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(data);
            }
        });
        Path target = dir.resolve("sub/out.bin");
        ApiResponse response = await(client(0).send(ApiRequest.get("/file").downloadTo(target).build()));
        assertThat(response.file()).isEqualTo(target);
        assertThat(sha256(Files.readAllBytes(target))).isEqualTo(sha256(data));
        try (var files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.bin");
        }
    }

    @Test
    void aDownloadCutShortLeavesNoFileBehindAndKeepsAnEarlierOne() throws Exception {
        byte[] data = new byte[2 * 1024 * 1024];
        new Random(5).nextBytes(data);
        server.script((ex, n) -> {
            ex.sendResponseHeaders(200, data.length);
            OutputStream out = ex.getResponseBody();
            out.write(data, 0, data.length / 2);
            out.flush();
            // returning with half the declared length written: the server closes the connection mid-body
        });
        Path target = dir.resolve("sub/out.bin");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "the previous version");

        assertThatThrownBy(() -> await(client(0).send(ApiRequest.get("/file").downloadTo(target).build())))
                .isInstanceOf(InferenceTransportException.class);

        assertThat(target).as("not replaced by half a file").hasContent("the previous version");
        try (var files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no part left").containsExactly("out.bin");
        }
    }

    @Test
    void aFailedDownloadKeepsTheErrorBodyNotAFile() {
        server.script((ex, n) -> ScriptedServer.reply(ex, 404, "{\"message\":\"no such file\"}"));
        Path target = dir.resolve("missing.bin");
        assertThatThrownBy(() -> await(client(0).send(ApiRequest.get("/file").downloadTo(target).build())))
                .isInstanceOf(InferenceApiException.class).hasMessageContaining("no such file");
        assertThat(target).doesNotExist();
    }

    @Test
    void aSlowAnswerHitsTheResponseTimeout() {
        server.script((ex, n) -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ScriptedServer.reply(ex, 200, "{}");
        });
        assertThatThrownBy(() -> await(client(0).send(ApiRequest.post("/slow").responseTimeout(Duration.ofMillis(200)).build())))
                .isInstanceOf(InferenceTransportException.class).hasMessageContaining("not re-sent");
    }

    @Test
    void requestsGoThroughTheConfiguredProxy() throws Exception {
        // a plain HTTP proxy receives the absolute target URI in the request line
        TransportSettings viaProxy = transport(4, null, "127.0.0.1", server.port());
        await(client("http://service.invalid:81/api", 0, Duration.ofSeconds(5), viaProxy)
                .send(ApiRequest.get("/through-proxy").build()));
        assertThat(URI.create(server.requests().get(0).uri()).getHost()).isEqualTo("service.invalid");
        assertThat(server.requests().get(0).uri()).endsWith("/api/through-proxy");
    }

    @Test
    void sslContextParametersDecideWhichServersAreTrusted() throws Exception {
        TestCertificates certs = TestCertificates.create(dir);
        try (ScriptedServer tls = ScriptedServer.https(certs.serverContext())) {
            TransportSettings trusting = transport(4, certs.clientParameters(), null, 0);
            ApiResponse ok = await(client(tls.url(), 0, Duration.ofSeconds(5), trusting).send(ApiRequest.get("/secure").build()));
            assertThat(ok.status()).isEqualTo(200);

            assertThatThrownBy(() -> await(client(tls.url(), 0, Duration.ofSeconds(5), transport())
                    .send(ApiRequest.get("/secure").build())))
                    .isInstanceOf(InferenceTransportException.class);
        }
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}

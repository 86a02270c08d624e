package io.camelinference.unitypredict;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.unitypredict.binding.PredictBinding;
import io.camelinference.unitypredict.consumer.CallbackUrls;
import io.camelinference.unitypredict.model.UnityPredictResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * unitypredict:callback on the application's HTTP server (platform-http on Vert.x, on a free port): a route submits
 * with waitForCompletion=false and a callbackUrl, and a second route continues when the emulated service POSTs the
 * final response there, with no status call at all; the token, bad bodies, failing routes and File outcomes.
 */
class UnityPredictCallbackTest extends UnityPredictTestSupport {

    static final String TOKEN = "s3cret-callback-token";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(300));

    @TempDir
    static Path dir;

    int port;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(conf));
        return context;
    }

    @Override
    protected void configure(InferenceConfiguration configuration) {
        // set once for the component: predict adds it to the callbackUrl, the consumer requires it
        ((UnityPredictConfiguration) configuration).setCallbackToken(TOKEN);
    }

    /** Where UnityPredict reaches the application: its address and a consumer's contextPath, without the token. */
    String callbackUrl(String contextPath) {
        return CallbackUrls.url("http://127.0.0.1:" + port, contextPath, null);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").routeId("submit")
                        .to("unitypredict:predict?modelId=sentiment-slow&waitForCompletion=false&callbackUrl="
                                + callbackUrl("/unitypredict/callback"));
                from("unitypredict:callback").routeId("continue").to("mock:continued");

                from("direct:submit-file").routeId("submit-file")
                        .to("unitypredict:predict?modelId=text-summary&fileInputName=InputFile"
                                + "&waitForCompletion=false&callbackUrl=" + callbackUrl("/files"));
                from("unitypredict:callback?contextPath=/files&outputDirectory=" + dir.resolve("outputs"))
                        .routeId("files").to("mock:files");

                from("unitypredict:callback?contextPath=/failing").routeId("failing")
                        .throwException(new IllegalStateException("the downstream system is down"));
            }
        };
    }

    HttpResponse<String> post(String pathAndQuery, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String response(String requestId, String status) {
        return "{\"contextId\":\"ctx\",\"requestId\":\"" + requestId + "\",\"errorMessages\":\"\",\"computeTime\":"
                + "\"00:00:01.0000000\",\"computeTimeCharged\":\"00:00:01.0000000\",\"computeCost\":0.0001,"
                + "\"outcomes\":{\"Sentiment\":[{\"dataType\":\"String\",\"probability\":0.9,\"value\":\"positive\"}]},"
                + "\"status\":\"" + status + "\"}";
    }

    @Test
    void aRouteSubmitsWithoutWaitingAndTheCallbackRouteContinuesWithNoStatusCall() throws Exception {
        MockEndpoint continued = getMockEndpoint("mock:continued");
        Set<String> submitted = new HashSet<>();
        for (String text : List.of("a lovely day", "a terrible, horrible mess", "the meeting is on Tuesday")) {
            Exchange out = template.request("direct:submit",
                    e -> e.getMessage().setBody("{\"Text\": \"" + text + "\"}"));
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader(UnityPredictConstants.STATUS)).isEqualTo("Processing");
            submitted.add(out.getMessage().getHeader(UnityPredictConstants.REQUEST_ID, String.class));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> continued.getReceivedCounter() == 3);
        List<String> received = new ArrayList<>();
        List<String> sentiments = new ArrayList<>();
        for (Exchange e : continued.getReceivedExchanges()) {
            UnityPredictResponse response = e.getMessage().getBody(UnityPredictResponse.class);
            assertThat(response.status()).isEqualTo(UnityPredictResponse.COMPLETED);
            assertThat(e.getMessage().getHeader(UnityPredictConstants.REQUEST_ID)).isEqualTo(response.requestId());
            assertThat(e.getMessage().getHeader(UnityPredictConstants.STATUS)).isEqualTo("Completed");
            assertThat(e.getMessage().getHeader(UnityPredictConstants.COMPUTE_COST, Double.class)).isPositive();
            assertThat(e.getMessage().getHeader(UnityPredictConstants.CONTEXT_ID, String.class)).isNotBlank();
            assertThat(e.getMessage().getHeaders()).as("the HTTP request's headers and the token stay out")
                    .doesNotContainKey(CallbackUrls.TOKEN).doesNotContainKey(Exchange.HTTP_QUERY);
            received.add(response.requestId());
            sentiments.add(response.value("Sentiment").toString());
        }
        assertThat(received).containsExactlyInAnyOrderElementsOf(submitted);
        assertThat(sentiments).containsExactlyInAnyOrder("positive", "negative", "neutral");
        assertThat(calls(STATUS)).as("no polling at all").isZero();
        assertThat(calls(PREDICT)).isEqualTo(3);
        assertThat(billed()).isEqualTo(3);
    }

    @Test
    void withoutTheTokenOrWithABodyThatIsNoResponseNothingReachesTheRoute() throws Exception {
        MockEndpoint continued = getMockEndpoint("mock:continued");
        HttpResponse<String> none = post("/unitypredict/callback", response("r-1", "Completed"));
        assertThat(none.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = post("/unitypredict/callback?token=guess", response("r-1", "Completed"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).doesNotContain(TOKEN);
        HttpResponse<String> notJson = post("/unitypredict/callback?token=" + TOKEN, "hello");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not a UnityPredict response");
        assertThat(post("/unitypredict/callback?token=" + TOKEN, "{\"status\":\"Completed\"}").body())
                .contains("no requestId");
        assertThat(continued.getReceivedCounter()).isZero();

        // an Error is delivered as it is: the route decides (its status and message are in the headers)
        HttpResponse<String> error = post("/unitypredict/callback?token=" + TOKEN,
                response("r-2", "Error").replace("\"errorMessages\":\"\"", "\"errorMessages\":\"model crashed\""));
        assertThat(error.statusCode()).isEqualTo(200);
        assertThat(error.body()).contains("r-2");
        assertThat(continued.getReceivedCounter()).as("answered once the route completed").isEqualTo(1);
        Exchange got = continued.getReceivedExchanges().get(0);
        assertThat(got.getMessage().getHeader(UnityPredictConstants.STATUS)).isEqualTo("Error");
        assertThat(got.getMessage().getHeader(UnityPredictConstants.ERROR_MESSAGES)).isEqualTo("model crashed");
        assertThat(emulator.stats().totalCalls("unitypredict")).as("nothing was asked of the service").isZero();
    }

    @Test
    void aRouteThatFailsIsAnswered500SoTheServiceMayCallAgain() throws Exception {
        HttpResponse<String> failed = post("/failing?token=" + TOKEN, response("r-3", "Completed"));
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("r-3").doesNotContain("downstream system");
    }

    @Test
    void fileOutcomesAreDownloadedBeforeTheRouteContinues() throws Exception {
        MockEndpoint files = getMockEndpoint("mock:files");
        Path input = Files.writeString(dir.resolve("notes.txt"), "Great product, I love it. It works well.\n");
        Exchange out = template.request("direct:submit-file", e -> e.getMessage().setBody(input.toFile()));
        assertThat(out.getException()).isNull();

        await().atMost(Duration.ofSeconds(20)).until(() -> files.getReceivedCounter() == 1);
        Exchange done = files.getReceivedExchanges().get(0);
        assertThat(done.getMessage().getHeader(UnityPredictConstants.REQUEST_ID))
                .isEqualTo(out.getMessage().getHeader(UnityPredictConstants.REQUEST_ID));
        List<?> downloaded = done.getMessage().getHeader(UnityPredictConstants.OUTPUT_FILES, List.class);
        assertThat(downloaded).hasSize(1);
        Path summary = ((java.io.File) downloaded.get(0)).toPath();
        assertThat(summary).startsWith(dir.resolve("outputs")).exists();
        assertThat(Files.readString(summary)).contains("first sentence: Great product, I love it.");
        assertThat(calls(STATUS)).isZero();
    }

    @Test
    void theCallbackIsAConsumerOnlyAndTheOtherOperationsProducersOnly() {
        assertThatThrownBy(() -> template.sendBody("unitypredict:callback", "x"))
                .hasRootCauseInstanceOf(UnsupportedOperationException.class).rootCause()
                .hasMessageContaining("unitypredict:callback is a consumer");
        assertThatThrownBy(() -> context.getEndpoint("unitypredict:predict").createConsumer(e -> { }))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("unitypredict:callback");
    }

    @Test
    void aCallbackUrlFromTheMessageGetsTheTokenOnlyOnTheConfiguredOrigin() {
        String mine = callbackUrl("/unitypredict/callback");
        PredictBinding binding = new PredictBinding(configured(mine), null);

        assertThat(callbackSent(binding, null)).isEqualTo(mine + "?token=" + TOKEN);
        assertThat(callbackSent(binding, callbackUrl("/other"))).as("another path of this application")
                .isEqualTo(callbackUrl("/other") + "?token=" + TOKEN);
        for (String elsewhere : List.of("https://collector.example.org/hook", "http://127.0.0.1:" + (port + 1) + "/cb",
                "http://127.0.0.1:" + port + "@collector.example.org/cb", "https://127.0.0.1:" + port + "/cb")) {
            assertThat(callbackSent(binding, elsewhere)).as(elsewhere).isEqualTo(elsewhere).doesNotContain(TOKEN);
        }
        PredictBinding noConfiguredUrl = new PredictBinding(configured(null), null);
        assertThat(callbackSent(noConfiguredUrl, mine)).as("no configured origin to compare with").isEqualTo(mine);
    }

    @Test
    void theCallbackTokenIsMaskedLikeTheKeyInErrorsThatQuoteTheRequest() {
        UnityPredictConfiguration configuration = configured(null);
        var auth = UnityPredictService.SERVICE.auth().apply(
                new io.camelinference.common.component.InferenceService.AuthContext("the-key", configuration, null));

        String masked = new io.camelinference.common.http.Masker(auth::secrets)
                .mask("400: bad CallbackUrl http://h/cb?token=" + TOKEN + " for key the-key");

        assertThat(masked).doesNotContain(TOKEN).doesNotContain("the-key");
    }

    private UnityPredictConfiguration configured(String callbackUrl) {
        UnityPredictConfiguration configuration = new UnityPredictConfiguration();
        configuration.setModelId("sentiment-slow");
        configuration.setCallbackUrl(callbackUrl);
        configuration.setCallbackToken(TOKEN);
        return configuration;
    }

    /** The callback URL predict would send for a message whose body names {@code bodyUrl} (or none). */
    private String callbackSent(PredictBinding binding, String bodyUrl) {
        Exchange exchange = new org.apache.camel.support.DefaultExchange(context);
        exchange.getMessage().setBody(new io.camelinference.unitypredict.model.UnityPredictRequest(
                java.util.Map.of("Text", "hello"), null, null, bodyUrl));
        return binding.read(exchange).request().callbackUrl();
    }

    @Test
    void theTokenIsAddedToTheCallbackUrlOnceAndUrlsAreBuiltFromTheContextPath() {
        assertThat(CallbackUrls.url("https://camel.example.com/", "/unitypredict/callback", "a b"))
                .isEqualTo("https://camel.example.com/unitypredict/callback?token=a+b");
        assertThat(CallbackUrls.withToken("http://h/cb?x=1", "t")).isEqualTo("http://h/cb?x=1&token=t");
        assertThat(CallbackUrls.withToken("http://h/cb?token=mine", "t")).isEqualTo("http://h/cb?token=mine");
        assertThat(CallbackUrls.withToken("http://h/cb", null)).isEqualTo("http://h/cb");
    }
}

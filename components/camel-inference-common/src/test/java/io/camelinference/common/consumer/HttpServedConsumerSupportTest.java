package io.camelinference.common.consumer;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP-served consumer base on a real platform-http server (Vert.x), as Camel Main and Camel K run it. */
class HttpServedConsumerSupportTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final HttpClient http = HttpClient.newHttpClient();
    private int port;
    private Consumer consumer;

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindPort(port);
        camel.addService(new VertxPlatformHttpServer(conf));
        // an application has routes; Camel finishes setting up units of work only when it starts some
        camel.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:unused").log("unused");
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (consumer != null) {
            consumer.stop();
        }
        camel.stop();
    }

    /** Answers later, from another thread: the server thread is not held while the work runs. */
    static final class SlowEcho extends AsyncProcessorSupport {
        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            String body = exchange.getMessage().getBody(String.class);
            CompletableFuture.runAsync(() -> {
                HttpServedConsumerSupport.respond(exchange, 201, "text/plain", "echo:" + body);
                callback.done(false);
            }, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
            return false;
        }
    }

    private void serve(String user, String password) throws Exception {
        DefaultComponent component = new DefaultComponent(camel) {
            @Override
            protected org.apache.camel.Endpoint createEndpoint(String uri, String remaining, Map<String, Object> p) {
                return null;
            }
        };
        DefaultEndpoint endpoint = new DefaultEndpoint("served:x", component) {
            @Override
            public Producer createProducer() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Consumer createConsumer(Processor processor) {
                throw new UnsupportedOperationException();
            }
        };
        endpoint.setCamelContext(camel);
        AsyncProcessor echo = new SlowEcho();
        consumer = new HttpServedConsumerSupport(endpoint, exchange -> { }) {
            @Override
            protected List<HttpRoute> routes() {
                return List.of(new HttpRoute("POST", "/echo", new AsyncProcessorSupport() {
                    @Override
                    public boolean process(Exchange exchange, AsyncCallback callback) {
                        if (!basicAuthorized(exchange, user, password, "test")) {
                            callback.done(true);
                            return true;
                        }
                        return echo.process(exchange, callback);
                    }
                }));
            }

            @Override
            protected String contextPath() {
                return "/ml/";
            }
        };
        consumer.start();
    }

    private HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesItsPathsUnderTheContextPathWithAsynchronousHandlers() throws Exception {
        serve(null, null);
        HttpResponse<String> response = post("/ml/echo", "hello", "Token caller-secret-1234");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("echo:hello");
        // the caller's headers are not echoed back: its credential stays with it
        assertThat(response.headers().map().toString()).doesNotContain("caller-secret-1234");
        assertThat(post("/ml/other", "x", null).statusCode()).isEqualTo(404);
    }

    @Test
    void basicAuthRefusesAWrongPasswordWithAChallenge() throws Exception {
        serve("label-studio", "s3cret");
        String wrong = "Basic " + Base64.getEncoder().encodeToString("label-studio:nope".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = post("/ml/echo", "x", wrong);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(post("/ml/echo", "x", null).statusCode()).isEqualTo(401);
        String right = "Basic " + Base64.getEncoder().encodeToString("label-studio:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(post("/ml/echo", "ok", right).body()).isEqualTo("echo:ok");
    }

    @Test
    void contextPathsJoinCleanly() {
        assertThat(HttpServedConsumerSupport.join("/ml/", "/predict")).isEqualTo("/ml/predict");
        assertThat(HttpServedConsumerSupport.join("ml", "health")).isEqualTo("/ml/health");
        assertThat(HttpServedConsumerSupport.join("", "/predict")).isEqualTo("/predict");
    }
}

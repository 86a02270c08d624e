package io.camelinference.deepomatic;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camelinference.common.error.InferenceException;
import io.camelinference.deepomatic.model.DeepomaticSpec;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service's {@code next} links may make the component do: follow them on the configured base URL's origin only
 * (a {@code next} elsewhere would carry the API key there), and never loop on a page it already read.
 */
class DeepomaticPagesTest {

    private static final String KEY = "pages-test-key-123";

    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        servers.forEach(s -> s.stop(0));
    }

    /** A server answering the n-th GET (from 1) with the page the function makes of its own base address and n. */
    private Recorder serve(BiFunction<String, Integer, String> page) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Recorder recorder = new Recorder("http://127.0.0.1:" + server.getAddress().getPort(), page);
        server.createContext("/", recorder::answer);
        server.start();
        servers.add(server);
        return recorder;
    }

    private Exchange listSpecs(Recorder service) {
        context = new DefaultCamelContext();
        DeepomaticComponent component = new DeepomaticComponent();
        component.getConfiguration().setBaseUrl(service.base + "/v0.7");
        component.getConfiguration().setApiKey(KEY);
        component.getConfiguration().setMaxRetries(0);
        context.addComponent("deepomatic", component);
        context.start();
        return context.createProducerTemplate().request("deepomatic:specs", e -> e.getMessage().setBody(null));
    }

    private static String page(String next) {
        return "{\"count\": 2, \"next\": " + (next == null ? "null" : "\"" + next + "\"") + ", \"previous\": null,"
                + " \"results\": [{\"id\": \"1\", \"name\": \"mine\"}]}";
    }

    @Test
    void aNextLinkToAnotherHostIsRefusedAndThatHostReceivesNothing() throws Exception {
        Recorder elsewhere = serve((base, n) -> page(null));
        Recorder service = serve((base, n) -> page(elsewhere.base + "/v0.7/recognition/specs/?offset=1"));

        Exchange out = listSpecs(service);

        assertThat(out.getException()).isInstanceOf(InferenceException.class)
                .hasMessageContaining("outside the configured baseUrl").hasMessageContaining("nothing was sent")
                .hasMessageNotContaining(KEY);
        assertThat(service.requests).containsExactly("GET /v0.7/recognition/specs/");
        assertThat(service.keys).containsExactly(KEY);
        assertThat(elsewhere.requests).as("the other host got no request, so never the key").isEmpty();
    }

    @Test
    void aNextLinkToItselfFailsClearlyInsteadOfLooping() throws Exception {
        Recorder service = serve((base, n) -> page(base + "/v0.7/recognition/specs/"));

        Exchange out = listSpecs(service);

        assertThat(out.getException()).isInstanceOf(InferenceException.class)
                .hasMessageContaining("points back to a page already read").hasMessageContaining("instead of looping");
        assertThat(service.requests).hasSize(1);
    }

    @Test
    void nextLinksOnTheServiceAreFollowedToTheEnd() throws Exception {
        Recorder service = serve((base, n) -> page(n == 1 ? base + "/v0.7/recognition/specs/?offset=1" : null));

        Exchange out = listSpecs(service);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(List.class)).hasSize(2)
                .allSatisfy(s -> assertThat(((DeepomaticSpec) s).name()).isEqualTo("mine"));
        assertThat(service.requests).containsExactly("GET /v0.7/recognition/specs/",
                "GET /v0.7/recognition/specs/?offset=1");
    }

    /** Records what a server was asked and with which key, and answers with its pages. */
    private static final class Recorder {
        final String base;
        final BiFunction<String, Integer, String> pages;
        final List<String> requests = new CopyOnWriteArrayList<>();
        final List<String> keys = new CopyOnWriteArrayList<>();

        Recorder(String base, BiFunction<String, Integer, String> pages) {
            this.base = base;
            this.pages = pages;
        }

        void answer(HttpExchange exchange) throws IOException {
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + (query == null ? "" : "?" + query));
            keys.add(exchange.getRequestHeaders().getFirst("X-API-KEY"));
            String body = pages.apply(base, requests.size());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}

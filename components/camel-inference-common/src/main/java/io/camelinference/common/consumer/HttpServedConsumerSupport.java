package io.camelinference.common.consumer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * A consumer served on the application's own HTTP server through Camel's REST consumer SPI (platform-http in Camel
 * Main, Spring Boot and Camel K), as camel-openai's webhook consumer does: it registers a few {@link HttpRoute}s under a
 * context path and answers them with asynchronous handlers, so a slow route never blocks the HTTP server's threads.
 * Used for callbacks (UnityPredict's CallbackUrl) and for serving a protocol (the Label Studio ML backend).
 */
public abstract class HttpServedConsumerSupport extends DefaultConsumer {

    /** One served path: {@code handler} gets the HTTP exchange and completes it asynchronously. */
    public record HttpRoute(String method, String path, AsyncProcessor handler) {
    }

    private final List<Consumer> served = new ArrayList<>();

    protected HttpServedConsumerSupport(Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /** The paths to serve, relative to {@link #contextPath()}. */
    protected abstract List<HttpRoute> routes();

    /** Where the paths live, e.g. {@code /ml}; empty for the server root. */
    protected abstract String contextPath();

    /** The name of an HTTP server component to use, or null to find one (platform-http first). */
    protected String httpServerComponent() {
        return null;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        RestConsumerFactory factory = restConsumerFactory();
        CamelContext context = getEndpoint().getCamelContext();
        RestConfiguration rest = context.getRestConfiguration();
        for (HttpRoute route : routes()) {
            Consumer consumer = factory.createConsumer(context, route.handler(), route.method(),
                    join(contextPath(), route.path()), null, null, null, rest, Map.of());
            served.add(consumer);
            ServiceHelper.startService(consumer);
        }
    }

    @Override
    protected void doStop() throws Exception {
        served.forEach(ServiceHelper::stopService);
        served.clear();
        super.doStop();
    }

    static String join(String contextPath, String path) {
        String base = contextPath == null ? "" : contextPath.strip();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (!base.isEmpty() && !base.startsWith("/")) {
            base = "/" + base;
        }
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    /**
     * Sets the answer of an HTTP exchange. The request's headers are removed first: platform-http would send them back
     * as response headers, the caller's Authorization among them.
     */
    public static void respond(Exchange http, int status, String contentType, Object body) {
        Message out = http.getMessage();
        out.getHeaders().clear();
        out.setBody(body);
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (contentType != null) {
            out.setHeader(Exchange.CONTENT_TYPE, contentType);
        }
    }

    /**
     * Whether the request carries the expected HTTP Basic credentials; answers 401 with a {@code WWW-Authenticate}
     * challenge when it does not. Always true when no user is configured.
     */
    public static boolean basicAuthorized(Exchange http, String user, String password, String realm) {
        if (user == null || user.isEmpty()) {
            return true;
        }
        String header = http.getMessage().getHeader("Authorization", String.class);
        String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + (password == null ? "" : password))
                .getBytes(StandardCharsets.UTF_8));
        if (header != null && java.security.MessageDigest.isEqual(header.strip().getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        respond(http, 401, "application/json", "{\"status\":401,\"detail\":\"Unauthorized\"}");
        http.getMessage().setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
        return false;
    }

    /** The configured HTTP server, the REST configuration's, platform-http, or the only one there is. */
    private RestConsumerFactory restConsumerFactory() {
        CamelContext context = getEndpoint().getCamelContext();
        String named = httpServerComponent();
        if (named == null && context.getRestConfiguration() != null) {
            named = context.getRestConfiguration().getComponent();
        }
        if (named != null) {
            Component component = context.getComponent(named, true);
            if (component instanceof RestConsumerFactory factory) {
                return factory;
            }
            throw new IllegalArgumentException("The component " + named + " cannot serve HTTP (it is not a"
                    + " RestConsumerFactory)");
        }
        if (context.getComponent("platform-http", true) instanceof RestConsumerFactory factory) {
            return factory;
        }
        Set<RestConsumerFactory> found = new LinkedHashSet<>(context.getRegistry().findByType(RestConsumerFactory.class));
        if (found.size() == 1) {
            return found.iterator().next();
        }
        throw new IllegalStateException(getEndpoint() + " serves HTTP and needs camel-platform-http (with an engine such"
                + " as camel-platform-http-vertx, or the Spring Boot starter) on the classpath, or an HTTP server"
                + " component named in the REST configuration");
    }
}

package io.camelinference.labelstudio;

import java.net.ServerSocket;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/**
 * Adds the application's HTTP server (platform-http on Vert.x, on a free port) to the test's Camel context, so that
 * the emulated Label Studio can call a {@code labelstudio:ml-backend} route as it calls any ML backend.
 */
abstract class MlBackendTestSupport extends LabelStudioTestSupport {

    int port;

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

    /** Where Label Studio reaches the backend served under {@code contextPath}. */
    String backendUrl(String contextPath) {
        return "http://127.0.0.1:" + port + contextPath;
    }
}

package io.camelinference.common.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The pooled Apache HttpClient 5 async clients of one component, one per distinct {@link TransportSettings}
 * (normally exactly one), each with its {@link ResponseBudget}. Closed with the component.
 */
public final class HttpClientRegistry implements AutoCloseable {

    /** A started client and the memory budget of the answers it reads. */
    public record PooledClient(CloseableHttpAsyncClient client, ResponseBudget budget) {
    }

    private final CamelContext camelContext;
    private final String userAgent;
    private final Map<TransportSettings, PooledClient> clients = new ConcurrentHashMap<>();

    public HttpClientRegistry(CamelContext camelContext, String userAgent) {
        this.camelContext = camelContext;
        this.userAgent = userAgent;
    }

    public PooledClient client(TransportSettings settings) {
        return clients.computeIfAbsent(settings, this::create);
    }

    private PooledClient create(TransportSettings settings) {
        PoolingAsyncClientConnectionManagerBuilder pool = PoolingAsyncClientConnectionManagerBuilder.create()
                // HC5's defaults (5 per host, 25 in all) would queue most of our in-flight work
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        // re-check pooled connections idle for a second: a server-closed one would otherwise fail
                        // a billed request that never reached the service
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build());
        if (settings.sslContextParameters() != null) {
            pool.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(sslContext(settings)).buildAsync());
        }
        PoolingAsyncClientConnectionManager manager = pool.build();
        var builder = HttpAsyncClients.custom()
                .setConnectionManager(manager)
                .setIOReactorConfig(IOReactorConfig.custom().setTcpNoDelay(true).build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(settings.connectionRequestTimeout()))
                        .build())
                // HC5's wire log writes every byte sent, the credential header included, at DEBUG: this client's
                // sessions are not decorated with it (request lines and masked headers stay in HC5's header log)
                .setIoSessionDecorator(session -> session)
                // our RetryPolicy decides; HC5's own strategy would silently obey any Retry-After (CAMEL-23345)
                .disableAutomaticRetries()
                .setUserAgent(userAgent);
        if (settings.proxyHost() != null && !settings.proxyHost().isBlank()) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort()));
        }
        CloseableHttpAsyncClient client = builder.build();
        client.start();
        return new PooledClient(client, new ResponseBudget(settings.maxResponseMemory(), settings.maxResponseSize()));
    }

    private SSLContext sslContext(TransportSettings settings) {
        try {
            return settings.sslContextParameters().createSSLContext(camelContext);
        } catch (Exception e) {
            throw new RuntimeCamelException("Cannot create the SSLContext from sslContextParameters", e);
        }
    }

    @Override
    public void close() {
        clients.values().forEach(c -> c.client().close(CloseMode.GRACEFUL));
        clients.clear();
    }
}

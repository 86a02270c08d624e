package io.camelinference.benchmarks;

import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.reactor.IOReactorConfig;

/** The baseline: a plain Apache HttpClient 5 async client, set up the way any careful caller would. */
final class RawClient {

    static final String AUTHORIZATION = "Bearer APIKEY@" + EmulatorProcess.API_KEY;

    private RawClient() {
    }

    /** A started client whose pool holds {@code maxConnections} (HC5's defaults are 5 per host, 25 in all). */
    static CloseableHttpAsyncClient start(int maxConnections) {
        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom().setTcpNoDelay(true).build())
                .disableAutomaticRetries()
                .build();
        client.start();
        return client;
    }
}

package io.camelinference.common.http;

import java.time.Duration;

import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * What a pooled HTTP client is built from. Endpoints with equal settings share one client, its pool and its response
 * memory budget; the base URL, credentials and overall timeouts are per request and do not need a client of their own.
 *
 * @param connectTimeout           how long to wait for a TCP (and TLS) connection
 * @param responseTimeout          how long the connection may stay silent while an answer is awaited
 * @param connectionRequestTimeout how long a request may wait for a pooled connection
 * @param maxConnections           pool size
 * @param maxResponseMemory        heap all in-memory answers of this client may take together
 * @param maxResponseSize          heap one in-memory answer may take
 * @param sslContextParameters     Camel TLS settings, or null for the JVM defaults
 * @param proxyHost                HTTP proxy host, or null
 * @param proxyPort                HTTP proxy port
 */
public record TransportSettings(Duration connectTimeout, Duration responseTimeout, Duration connectionRequestTimeout,
                                int maxConnections, long maxResponseMemory, long maxResponseSize,
                                SSLContextParameters sslContextParameters, String proxyHost, int proxyPort) {

    public TransportSettings {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
    }
}

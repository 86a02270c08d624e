package io.camelinference.common.http;

import java.time.Duration;

import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * What a pooled HTTP client is built from. Endpoints with equal settings share one client (and its pool); the base URL,
 * credentials and response timeout are per request and do not need a client of their own.
 *
 * @param connectTimeout        how long to wait for a TCP (and TLS) connection
 * @param maxConnections        pool size; requests beyond it wait for a free connection
 * @param sslContextParameters  Camel TLS settings, or null for the JVM defaults
 * @param proxyHost             HTTP proxy host, or null
 * @param proxyPort             HTTP proxy port
 */
public record TransportSettings(Duration connectTimeout, int maxConnections, SSLContextParameters sslContextParameters,
                                String proxyHost, int proxyPort) {

    public TransportSettings {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
    }
}

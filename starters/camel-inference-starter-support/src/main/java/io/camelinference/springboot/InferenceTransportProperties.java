package io.camelinference.springboot;

import java.time.Duration;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The engine's transport and retry options as Spring Boot properties ({@code camel.component.<scheme>.connect-timeout}
 * and so on), shared by every starter. A property left unset keeps the component's own default: the component, not
 * the starter, is the one place defaults live (the IDE metadata lists them, written from the component's catalog).
 * Durations take Spring's forms ({@code 10s}, {@code 500ms}, or a number of milliseconds).
 */
public class InferenceTransportProperties extends ComponentConfigurationPropertiesCommon {

    /** How long to wait for a connection to the service. */
    private Duration connectTimeout;
    /** How long to wait for the service to answer one request once it is sent. */
    private Duration responseTimeout;
    /** Overall bound of one attempt of a call. */
    private Duration requestTimeout;
    /** Overall bound of one streamed upload or download of a file. */
    private Duration transferTimeout;
    /** How long a request may wait for a pooled connection. */
    private Duration connectionRequestTimeout;
    /** Size of the HTTP connection pool. */
    private Integer maxConnections;
    /** Most requests on the wire to the service at once (0: maxConnections). */
    private Integer maxInFlight;
    /** Bytes of heap one answer read into memory may take. */
    private Long maxResponseSize;
    /** Bytes of heap all answers read into memory at once may take together. */
    private Long maxResponseMemory;
    /** HTTP proxy host. */
    private String proxyHost;
    /** HTTP proxy port. */
    private Integer proxyPort;
    /** TLS settings: a reference to an SSLContextParameters bean, e.g. #bean:mySsl. */
    private SSLContextParameters sslContextParameters;
    /** How often a failed request is tried again. */
    private Integer maxRetries;
    /** First delay between retries. */
    private Duration retryInitialDelay;
    /** Longest delay between retries. */
    private Duration retryMaxDelay;
    /** Longest Retry-After obeyed. */
    private Duration maxRetryAfter;
    /** How long a call may wait in all while the service rate-limits. */
    private Duration maxRateLimitWait;

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getTransferTimeout() {
        return transferTimeout;
    }

    public void setTransferTimeout(Duration transferTimeout) {
        this.transferTimeout = transferTimeout;
    }

    public Duration getConnectionRequestTimeout() {
        return connectionRequestTimeout;
    }

    public void setConnectionRequestTimeout(Duration connectionRequestTimeout) {
        this.connectionRequestTimeout = connectionRequestTimeout;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(Integer maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public Long getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(Long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public Long getMaxResponseMemory() {
        return maxResponseMemory;
    }

    public void setMaxResponseMemory(Long maxResponseMemory) {
        this.maxResponseMemory = maxResponseMemory;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(Duration retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public Duration getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public Duration getMaxRateLimitWait() {
        return maxRateLimitWait;
    }

    public void setMaxRateLimitWait(Duration maxRateLimitWait) {
        this.maxRateLimitWait = maxRateLimitWait;
    }
}

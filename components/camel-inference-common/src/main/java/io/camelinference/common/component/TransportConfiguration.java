package io.camelinference.common.component;

import java.time.Duration;

import io.camelinference.common.http.TransportSettings;
import io.camelinference.common.retry.Backoff;
import io.camelinference.common.retry.RetryPolicy;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of the way to the service every inference component has: timeouts, the connection pool, memory bounds
 * of answers, TLS, proxy, and how failed or rate-limited calls are tried again. The first layer of
 * {@link InferenceConfiguration}; descriptions are given in the annotations because the metadata generator of a
 * component module cannot read this module's Javadoc.
 */
@UriParams
public abstract class TransportConfiguration implements Cloneable {

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long to wait for a connection to the service (milliseconds or a duration like 10s).")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long to wait for the service to answer one request once it is sent.")
    private long responseTimeout = 60_000;

    @UriParam(label = "advanced", defaultValue = "120000", javaType = "java.time.Duration",
              description = "Overall bound of one attempt of a call, from sending it to the last byte of the answer:"
                            + " a server that trickles bytes cannot hold a message longer. Uploads and downloads of"
                            + " files are bounded by transferTimeout instead.")
    private long requestTimeout = 120_000;

    @UriParam(label = "advanced", defaultValue = "3600000", javaType = "java.time.Duration",
              description = "Overall bound of one streamed upload or download of a file.")
    private long transferTimeout = 3_600_000;

    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long a request may wait for a pooled connection. A request that times out here was"
                            + " never sent, so it is retried whatever its billing.")
    private long connectionRequestTimeout = 60_000;

    @UriParam(label = "advanced", defaultValue = "64",
              description = "Size of the HTTP connection pool shared by the component's endpoints with the same"
                            + " transport settings; size it to the in-flight work.")
    private int maxConnections = 64;

    @UriParam(label = "advanced", defaultValue = "0",
              description = "Most requests on the wire to the service at once; the others wait in a queue that holds"
                            + " no thread. 0 means maxConnections.")
    private int maxInFlight;

    @UriParam(label = "advanced", defaultValue = "268435456",
              description = "Bytes of heap that all answers read into memory at once may take together (JSON answers,"
                            + " error bodies; downloads go to files). An answer beyond it fails clearly instead of"
                            + " exhausting the heap. At most a quarter of the maximum heap is used whatever is set.")
    private long maxResponseMemory = 256L * 1024 * 1024;

    @UriParam(label = "advanced", defaultValue = "67108864",
              description = "Bytes of heap one answer read into memory may take.")
    private long maxResponseSize = 64L * 1024 * 1024;

    @UriParam(label = "security",
              description = "TLS settings (trust store, key store, protocols) for the connection to the service.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "proxy", description = "HTTP proxy host.")
    private String proxyHost;

    @UriParam(label = "proxy", defaultValue = "3128", description = "HTTP proxy port.")
    private int proxyPort = 3128;

    @UriParam(label = "advanced", defaultValue = "3",
              description = "How often a failed request is tried again: connect failures, 408, 429 and (for calls that"
                            + " are neither billed nor create a job) 5xx. 0 disables retries.")
    private int maxRetries = 3;

    @UriParam(label = "advanced", defaultValue = "500", javaType = "java.time.Duration",
              description = "First delay between retries; it doubles (with jitter) up to retryMaxDelay.")
    private long retryInitialDelay = 500;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "Longest delay between retries.")
    private long retryMaxDelay = 30_000;

    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "Longest Retry-After the component obeys. A longer one fails the request at once with a"
                            + " message saying so, instead of waiting silently.")
    private long maxRetryAfter = 60_000;

    @UriParam(label = "advanced", defaultValue = "300000", javaType = "java.time.Duration",
              description = "How long a call may wait in all while the service rate-limits (HTTP 429, or 503 with"
                            + " Retry-After). During a rate limit every request to the service pauses together and one"
                            + " probe goes first; these waits do not count against maxRetries.")
    private long maxRateLimitWait = 300_000;

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public long getTransferTimeout() {
        return transferTimeout;
    }

    public void setTransferTimeout(long transferTimeout) {
        this.transferTimeout = transferTimeout;
    }

    public long getConnectionRequestTimeout() {
        return connectionRequestTimeout;
    }

    public void setConnectionRequestTimeout(long connectionRequestTimeout) {
        this.connectionRequestTimeout = connectionRequestTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public long getMaxResponseMemory() {
        return maxResponseMemory;
    }

    public void setMaxResponseMemory(long maxResponseMemory) {
        this.maxResponseMemory = maxResponseMemory;
    }

    public long getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public int getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(int proxyPort) {
        this.proxyPort = proxyPort;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public long getMaxRateLimitWait() {
        return maxRateLimitWait;
    }

    public void setMaxRateLimitWait(long maxRateLimitWait) {
        this.maxRateLimitWait = maxRateLimitWait;
    }

    /** The transport part of the options: endpoints that agree on it share one connection pool. */
    public TransportSettings transportSettings() {
        long heapQuarter = Runtime.getRuntime().maxMemory() / 4;
        long memory = Math.min(maxResponseMemory, heapQuarter);
        return new TransportSettings(Duration.ofMillis(connectTimeout), Duration.ofMillis(responseTimeout),
                Duration.ofMillis(connectionRequestTimeout), maxConnections, memory,
                Math.min(maxResponseSize, memory), sslContextParameters, proxyHost, proxyPort);
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxRetries, new Backoff(Duration.ofMillis(retryInitialDelay),
                Duration.ofMillis(retryMaxDelay), true), Duration.ofMillis(maxRetryAfter));
    }
}

package io.camelinference.common.http;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import io.camelinference.common.error.InferenceException;
import io.camelinference.common.error.InferenceTransportException;
import io.camelinference.common.retry.RetryPolicy;
import io.camelinference.common.retry.RetrySafety;
import org.apache.hc.core5.http.HttpHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiRequest}s to one service without blocking. What it guarantees:
 * <ul>
 * <li>At most the gate's in-flight limit on the wire; the rest wait in the {@link RequestGate}'s queue, holding no
 * thread; a rate-limiting service pauses all of them at once.</li>
 * <li>Retries as the {@link RetryPolicy} decides, waiting on the shared scheduler; billed calls are never re-sent once
 * the service may have received them.</li>
 * <li>Every attempt is bounded by an overall timeout, and every call by its request's deadline (e.g. the job's).</li>
 * <li>The credential goes only to the base URL's origin: a relative URL, or an absolute one on the same scheme, host
 * and port. An authenticated request elsewhere is refused; signed links are sent without it.</li>
 * <li>Futures complete on the component's completion threads, never on HttpClient's I/O threads, so parsing and
 * what follows never slow the I/O.</li>
 * <li>Failures become {@code InferenceApiException} or {@code InferenceTransportException}, credentials masked out of
 * every message and cause.</li>
 * </ul>
 */
public final class InferenceHttpClient {

    static final Logger LOG = LoggerFactory.getLogger(InferenceHttpClient.class);

    final String provider;
    final HttpClientRegistry.PooledClient pooled;
    final String baseUrl;
    final String baseOrigin;
    final HttpHost baseHost;
    final String basePath;
    final AuthStrategy auth;
    final Masker masker;
    final RetryPolicy retryPolicy;
    final HttpTimeouts timeouts;
    final RequestGate gate;
    final ScheduledExecutorService scheduler;
    final Consumer<Runnable> continuation;
    volatile RetryListener retryListener = RetryListener.NONE;
    final AttemptWatchdog watchdog;
    final StatusCheckPacer statusPacer;

    /**
     * @param continuation runs what follows an answer off the I/O threads (the component's completion pool)
     */
    public InferenceHttpClient(String provider, HttpClientRegistry.PooledClient pooled, String baseUrl, AuthStrategy auth,
                               RetryPolicy retryPolicy, HttpTimeouts timeouts, RequestGate gate,
                               ScheduledExecutorService scheduler, Consumer<Runnable> continuation) {
        this(provider, pooled, baseUrl, auth, retryPolicy, timeouts, gate, scheduler, continuation, null);
    }

    /**
     * @param continuation runs what follows an answer off the I/O threads (the component's completion pool)
     * @param statusPacer  paces the requests marked {@link ApiRequest.Builder#statusCheck()}, or null for no pace
     */
    public InferenceHttpClient(String provider, HttpClientRegistry.PooledClient pooled, String baseUrl, AuthStrategy auth,
                               RetryPolicy retryPolicy, HttpTimeouts timeouts, RequestGate gate,
                               ScheduledExecutorService scheduler, Consumer<Runnable> continuation,
                               StatusCheckPacer statusPacer) {
        this.provider = provider;
        this.pooled = pooled;
        this.baseUrl = stripTrailingSlash(baseUrl);
        URI base = parseBase(this.baseUrl);
        this.baseOrigin = Origins.of(base);
        this.baseHost = new HttpHost(base.getScheme(), base.getHost(), base.getPort());
        this.basePath = base.getRawPath() == null ? "" : base.getRawPath();
        this.auth = auth;
        this.masker = new Masker(auth::secrets);
        this.retryPolicy = retryPolicy;
        this.timeouts = timeouts;
        this.gate = gate;
        this.scheduler = scheduler;
        this.continuation = continuation;
        this.watchdog = new AttemptWatchdog(scheduler);
        this.statusPacer = statusPacer;
    }

    public String provider() {
        return provider;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public RequestGate gate() {
        return gate;
    }

    public Masker masker() {
        return masker;
    }

    /** Tells the listener of every request sent again (retries and rate-limit waits), e.g. to count them. */
    public void onRetry(RetryListener listener) {
        this.retryListener = listener == null ? RetryListener.NONE : listener;
    }

    /** Sends the request, retrying as the policy allows; completes with a 2xx response or fails. */
    public CompletableFuture<ApiResponse> send(ApiRequest request) {
        CompletableFuture<ApiResponse> result = new CompletableFuture<>();
        try {
            new HttpCall(this, request, result).start();
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /**
     * Sends the request and reads the JSON answer as {@code type}, on a completion thread. An unreadable answer to an
     * idempotent call is asked for again, up to maxRetries times; to any other call it fails at once, since the service
     * may already have acted. Either way an answer that stays unreadable fails as an {@link InferenceTransportException}
     * (the service was reached, its answer was lost): a job's status check is then tried again later like any other
     * lost answer, instead of failing a paid job.
     */
    public <T> CompletableFuture<T> send(ApiRequest request, Class<T> type) {
        int asks = request.safety() == RetrySafety.IDEMPOTENT ? retryPolicy.maxRetries() : 0;
        return send(request).thenCompose(response -> read(request, response, type, asks));
    }

    private <T> CompletableFuture<T> read(ApiRequest request, ApiResponse response, Class<T> type, int asksLeft) {
        try {
            return CompletableFuture.completedFuture(response.as(type));
        } catch (ApiResponse.UnreadableBodyException unreadable) {
            if (asksLeft > 0) {
                LOG.warn("{} {} answered with unreadable JSON; asking again", provider, describe(request));
                return send(request).thenCompose(again -> read(request, again, type, asksLeft - 1));
            }
            throw new InferenceTransportException(provider, mask(provider + " " + describe(request)
                    + " answered HTTP " + response.status() + " with a body that is not the expected "
                    + type.getSimpleName() + ": " + unreadable.getMessage()), true, masker.mask(unreadable));
        }
    }

    /** Whether an absolute URL is on the service's own origin (so it may carry the credential). */
    public boolean isServiceUrl(String url) {
        if (!Origins.isAbsolute(url)) {
            return true;
        }
        try {
            return Origins.of(URI.create(url)).equals(baseOrigin);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Refuses an authenticated request to another origin, before anything is sent. */
    void checkOrigin(ApiRequest request) {
        if (request.authenticated() && !isServiceUrl(request.url())) {
            String shown;
            try {
                shown = Origins.show(URI.create(request.url()));
            } catch (IllegalArgumentException e) {
                shown = "a malformed URL";
            }
            throw new InferenceException(provider, provider + " named a URL on " + shown + " for " + request.method()
                    + ", outside the configured baseUrl " + Origins.show(URI.create(baseUrl)) + "; the credential is"
                    + " sent only to the configured service, so the call was refused (nothing was sent)");
        }
    }

    /** Method and path only: query strings of signed links carry signatures and are left out of every message. */
    public static String describe(ApiRequest request) {
        String url = request.url();
        int q = url.indexOf('?');
        if (q >= 0) {
            url = url.substring(0, q);
        }
        if (Origins.isAbsolute(url)) {
            try {
                url = URI.create(url).getPath();
            } catch (IllegalArgumentException e) {
                url = "(malformed URL)";
            }
        }
        return request.method() + " " + url;
    }

    String resolve(String url) {
        if (Origins.isAbsolute(url)) {
            return url;
        }
        return baseUrl + (url.startsWith("/") ? url : "/" + url);
    }

    /** Replaces every occurrence of a credential in a text meant for logs or exceptions. */
    public String mask(String text) {
        return masker.mask(text);
    }

    static Duration retryAfter(ApiResponse response) {
        String value = response.header("retry-after");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException unparseable) {
                return null;
            }
        }
    }

    private static URI parseBase(String baseUrl) {
        URI base;
        try {
            base = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseUrl '" + baseUrl + "' is not a URL: " + e.getMessage(), e);
        }
        if (base.getScheme() == null || base.getHost() == null || !Origins.isAbsolute(baseUrl)) {
            throw new IllegalArgumentException("baseUrl '" + baseUrl + "' must be an absolute http(s) URL, e.g."
                    + " https://api.example.com/v1");
        }
        return base;
    }

    private static String stripTrailingSlash(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("baseUrl must be set");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

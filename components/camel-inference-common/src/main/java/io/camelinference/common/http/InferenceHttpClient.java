package io.camelinference.common.http;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceTransportException;
import io.camelinference.common.retry.RetryPolicy;
import io.camelinference.common.retry.RetrySafety;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiRequest}s to one service without blocking: every call returns a future completed from
 * HttpClient's I/O threads; retries wait on the shared scheduler, never on a sleeping thread.
 * Failures become {@link InferenceApiException} or {@link InferenceTransportException}, with the credential
 * masked out of every message.
 */
public final class InferenceHttpClient {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceHttpClient.class);

    private final String provider;
    private final CloseableHttpAsyncClient client;
    private final String baseUrl;
    private final AuthStrategy auth;
    private final RetryPolicy retryPolicy;
    private final ScheduledExecutorService scheduler;
    private final Duration responseTimeout;

    public InferenceHttpClient(String provider, CloseableHttpAsyncClient client, String baseUrl, AuthStrategy auth,
                               RetryPolicy retryPolicy, ScheduledExecutorService scheduler, Duration responseTimeout) {
        this.provider = provider;
        this.client = client;
        this.baseUrl = stripTrailingSlash(baseUrl);
        this.auth = auth;
        this.retryPolicy = retryPolicy;
        this.scheduler = scheduler;
        this.responseTimeout = responseTimeout;
    }

    public String provider() {
        return provider;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Sends the request, retrying as the policy allows; completes with a 2xx response or fails. */
    public CompletableFuture<ApiResponse> send(ApiRequest request) {
        CompletableFuture<ApiResponse> result = new CompletableFuture<>();
        attempt(request, 0, result);
        return result;
    }

    /**
     * Sends the request and reads the JSON answer as {@code type}. An unreadable answer to an idempotent call is
     * tried again like a 5xx; to any other call it fails, since the service may already have acted on it.
     */
    public <T> CompletableFuture<T> send(ApiRequest request, Class<T> type) {
        CompletableFuture<T> result = new CompletableFuture<>();
        sendParsed(request, type, 0, result);
        return result;
    }

    private <T> void sendParsed(ApiRequest request, Class<T> type, int retriesDone, CompletableFuture<T> result) {
        send(request).whenComplete((response, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
                return;
            }
            try {
                result.complete(response.as(type));
            } catch (IllegalStateException unreadable) {
                boolean retry = request.safety() == RetrySafety.IDEMPOTENT && retriesDone < retryPolicy.maxRetries();
                if (retry) {
                    LOG.warn("{} {} answered with unreadable JSON; trying again", provider, describe(request));
                    schedule(() -> sendParsed(request, type, retriesDone + 1, result), retryDelay(retriesDone),
                            result, request);
                } else {
                    result.completeExceptionally(new InferenceTransportException(provider, mask(provider + " "
                            + describe(request) + " answered HTTP " + response.status() + " with a body that is not the"
                            + " expected " + type.getSimpleName() + ": " + unreadable.getMessage()), true, unreadable));
                }
            }
        });
    }

    /** Schedules a retry; if the scheduler no longer takes work (the component is stopping), the request fails. */
    private void schedule(Runnable retry, Duration delay, CompletableFuture<?> result, ApiRequest request) {
        try {
            scheduler.schedule(retry, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            result.completeExceptionally(new InferenceTransportException(provider, provider + " " + describe(request)
                    + " was not retried: the component is stopping", false, stopping));
        }
    }

    private Duration retryDelay(int retriesDone) {
        RetryPolicy.Decision d = retryPolicy.decide(retriesDone, RetryPolicy.Outcome.status(503, null),
                RetrySafety.IDEMPOTENT, true);
        return d instanceof RetryPolicy.Retry r ? r.delay() : Duration.ZERO;
    }

    private void attempt(ApiRequest request, int retriesDone, CompletableFuture<ApiResponse> result) {
        if (result.isDone()) {
            return;
        }
        BasicHttpRequest httpRequest;
        AsyncEntityProducer entity;
        try {
            httpRequest = new BasicHttpRequest(request.method(), URI.create(resolve(request.url())));
            for (Map.Entry<String, String> h : request.headers()) {
                httpRequest.addHeader(h.getKey(), h.getValue());
            }
            if (request.authenticated()) {
                auth.apply(httpRequest);
            }
            entity = request.body() == null ? null : request.body().newProducer();
        } catch (Exception e) {
            result.completeExceptionally(new InferenceTransportException(provider,
                    mask("Cannot prepare " + provider + " " + describe(request) + ": " + e.getMessage()), false, e));
            return;
        }
        HttpClientContext context = HttpClientContext.create();
        Duration timeout = request.responseTimeout() != null ? request.responseTimeout() : responseTimeout;
        context.setRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build());

        client.execute(new BasicRequestProducer(httpRequest, entity), new ApiResponseConsumer(request.downloadTo()),
                null, context, new FutureCallback<>() {
                    @Override
                    public void completed(ApiResponse response) {
                        if (response.isSuccess()) {
                            result.complete(response);
                        } else {
                            onFailure(request, retriesDone, result,
                                    RetryPolicy.Outcome.status(response.status(), retryAfter(response)), response);
                        }
                    }

                    @Override
                    public void failed(Exception error) {
                        onFailure(request, retriesDone, result, RetryPolicy.Outcome.error(error), null);
                    }

                    @Override
                    public void cancelled() {
                        result.cancel(false);
                    }
                });
    }

    private void onFailure(ApiRequest request, int retriesDone, CompletableFuture<ApiResponse> result,
                           RetryPolicy.Outcome outcome, ApiResponse response) {
        boolean replayable = request.body() == null || request.body().replayable();
        RetryPolicy.Decision decision = retryPolicy.decide(retriesDone, outcome, request.safety(), replayable);
        if (decision instanceof RetryPolicy.Retry retry) {
            LOG.warn("{} {} failed ({}); retry {} of {} in {} ms", provider, describe(request), what(outcome),
                    retriesDone + 1, retryPolicy.maxRetries(), retry.delay().toMillis());
            schedule(() -> attempt(request, retriesDone + 1, result), retry.delay(), result, request);
            return;
        }
        Optional<String> reason = ((RetryPolicy.GiveUp) decision).reason();
        if (response != null) {
            String message = ProviderErrors.message(response);
            if (reason.isPresent()) {
                message = (message == null ? "" : message + "; ") + reason.get();
            }
            result.completeExceptionally(new InferenceApiException(provider, describe(request), response.status(),
                    mask(message), ProviderErrors.requestId(response)));
        } else {
            boolean maybeReceived = !outcome.neverSent();
            String text = provider + " " + describe(request) + " failed: " + what(outcome)
                    + reason.map(r -> "; " + r).orElse("")
                    + (maybeReceived && request.safety() == RetrySafety.NOT_AFTER_RECEIVED
                        ? "; not re-sent because the service may already have received it" : "");
            result.completeExceptionally(new InferenceTransportException(provider, mask(text), maybeReceived,
                    outcome.error()));
        }
    }

    private static String what(RetryPolicy.Outcome outcome) {
        if (outcome.error() != null) {
            Throwable e = outcome.error();
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return "HTTP " + outcome.status();
    }

    /** Method and path only: query strings of signed links carry signatures and are left out of every message. */
    static String describe(ApiRequest request) {
        String url = request.url();
        int q = url.indexOf('?');
        if (q >= 0) {
            url = url.substring(0, q);
        }
        if (url.startsWith("http://") || url.startsWith("https://")) {
            url = URI.create(url).getPath();
        }
        return request.method() + " " + url;
    }

    String resolve(String url) {
        if (url.startsWith("http://") || url.startsWith("https://")) {
            return url;
        }
        return baseUrl + (url.startsWith("/") ? url : "/" + url);
    }

    /** Replaces every occurrence of the credential in a text meant for logs or exceptions. */
    public String mask(String text) {
        String secret = auth.secret();
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "******");
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

    private static String stripTrailingSlash(String url) {
        if (url == null) {
            throw new IllegalArgumentException("baseUrl must be set");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

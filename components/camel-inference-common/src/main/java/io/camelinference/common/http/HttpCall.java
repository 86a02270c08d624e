package io.camelinference.common.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceTransportException;
import io.camelinference.common.retry.RetryPolicy;
import io.camelinference.common.retry.RetrySafety;
import io.camelinference.common.time.Deadline;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.util.Timeout;

import static io.camelinference.common.http.InferenceHttpClient.LOG;

/** One call of an {@link InferenceHttpClient}: its attempts, waits at the gate, retries and final outcome. */
final class HttpCall {

    private final InferenceHttpClient c;
    private final ApiRequest request;
    private final CompletableFuture<ApiResponse> result;
    private final boolean gated;
    private int retriesDone;
    private long rateLimitedSince = -1;
    private boolean refreshedCredential;

    HttpCall(InferenceHttpClient client, ApiRequest request, CompletableFuture<ApiResponse> result) {
        this.c = client;
        this.request = request;
        this.result = result;
        // signed links on other hosts (object stores) are not the service: its rate limits and in-flight limit do not
        // apply to them
        this.gated = client.isServiceUrl(request.url());
    }

    void start() {
        c.checkOrigin(request);
        attempt();
    }

    private void attempt() {
        if (result.isDone()) {
            return;
        }
        if (request.deadline().passed()) {
            notSent("its deadline passed before it could be sent");
            return;
        }
        // the credential first, the place at the gate second: a token exchange goes through the same gate, so
        // holding a place while waiting for a token could leave every place waiting for tokens
        CompletableFuture<Header> credential = request.authenticated() ? c.auth.credential()
                : CompletableFuture.completedFuture(null);
        credential.whenComplete((header, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else if (!gated) {
                execute(null, header);
            } else {
                admitted(header);
            }
        });
    }

    private void admitted(Header credential) {
        CompletableFuture<RequestGate.Permit> ticket = c.gate.acquire();
        ScheduledFuture<?> timer = request.deadline().isNone() ? null
                : later(() -> ticket.cancel(false), request.deadline().remaining());
        ticket.whenComplete((permit, error) -> {
            if (timer != null) {
                timer.cancel(false);
            }
            if (error != null) {
                notSent("its deadline passed while it waited for the service (" + c.gate + ")");
            } else {
                execute(permit, credential);
            }
        });
    }

    /** Holds what the timer and the callback of one attempt share. */
    private static final class AttemptState {
        volatile Future<ApiResponse> future;
        volatile ScheduledFuture<?> timer;
        volatile boolean timedOut;
    }

    private void execute(RequestGate.Permit permit, Header credential) {
        BasicHttpRequest http;
        AsyncEntityProducer entity;
        try {
            http = build();
            for (Map.Entry<String, String> h : request.headers()) {
                http.addHeader(h.getKey(), h.getValue());
            }
            if (credential != null) {
                http.setHeader(credential);
            }
            entity = request.body() == null ? null : request.body().newProducer();
        } catch (Exception e) {
            release(permit, null);
            result.completeExceptionally(new InferenceTransportException(c.provider, c.mask("Cannot prepare "
                    + c.provider + " " + InferenceHttpClient.describe(request) + ": " + e.getMessage()), false,
                    c.masker.mask(e)));
            return;
        }
        Duration bound = request.isTransfer() ? c.timeouts.transfer() : c.timeouts.request();
        Deadline attemptDeadline = Deadline.in(bound).min(request.deadline());
        AttemptState state = new AttemptState();
        FutureCallback<ApiResponse> callback = new FutureCallback<>() {
            @Override
            public void completed(ApiResponse response) {
                cancelTimer(state);
                RetryPolicy.Outcome outcome = RetryPolicy.Outcome.status(response.status(),
                        InferenceHttpClient.retryAfter(response));
                if (outcome.rateLimited()) {
                    limited(permit, outcome.retryAfter());
                } else {
                    release(permit, response);
                }
                c.continuation.accept(() -> onResponse(response, credential, outcome));
            }

            @Override
            public void failed(Exception error) {
                cancelTimer(state);
                release(permit, null);
                c.continuation.accept(() -> decide(RetryPolicy.Outcome.error(error), null));
            }

            @Override
            public void cancelled() {
                cancelTimer(state);
                release(permit, null);
                if (state.timedOut) {
                    TimeoutException timeout = new TimeoutException("no complete answer within " + bound.toMillis()
                            + " ms" + (request.deadline().isNone() ? "" : " or before the job's deadline"));
                    c.continuation.accept(() -> decide(RetryPolicy.Outcome.error(timeout), null));
                } else {
                    result.cancel(false);
                }
            }
        };
        try {
            state.future = c.pooled.client().execute(new BasicRequestProducer(http, entity),
                    new ApiResponseConsumer(request.downloadTo(), c.pooled.budget()), null, context(), callback);
        } catch (RuntimeException stopped) {
            release(permit, null);
            result.completeExceptionally(new InferenceTransportException(c.provider, c.provider + " "
                    + InferenceHttpClient.describe(request) + " was not sent: the HTTP client is closed", false, null));
            return;
        }
        state.timer = later(() -> {
            state.timedOut = true;
            Future<ApiResponse> f = state.future;
            if (f != null) {
                f.cancel(true);
            }
        }, attemptDeadline.remaining());
    }

    private static void cancelTimer(AttemptState state) {
        ScheduledFuture<?> t = state.timer;
        if (t != null) {
            t.cancel(false);
        }
    }

    private HttpClientContext context() {
        if (request.responseTimeout() == null) {
            return null;
        }
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(request.responseTimeout())).build());
        return context;
    }

    private BasicHttpRequest build() {
        String url = request.url();
        if (!Origins.isAbsolute(url)) {
            // relative to the base URL: no URI parsing per request
            return new BasicHttpRequest(request.method(), c.baseHost, c.basePath + (url.startsWith("/") ? url : "/" + url));
        }
        return new BasicHttpRequest(request.method(), URI.create(url));
    }

    private void release(RequestGate.Permit permit, ApiResponse answer) {
        if (permit != null) {
            if (answer != null) {
                permit.answered();
            } else {
                permit.abandoned();
            }
        }
    }

    private void limited(RequestGate.Permit permit, Duration retryAfter) {
        if (permit != null) {
            permit.rateLimited(retryAfter);
        }
    }

    private void onResponse(ApiResponse response, Header credential, RetryPolicy.Outcome outcome) {
        if (response.isSuccess()) {
            result.complete(response);
            return;
        }
        if (response.status() == 401 && credential != null && !refreshedCredential && c.auth.refused(credential)) {
            refreshedCredential = true;
            attempt();
            return;
        }
        decide(outcome, response);
    }

    private void decide(RetryPolicy.Outcome outcome, ApiResponse response) {
        if (result.isDone()) {
            return;
        }
        boolean replayable = request.body() == null || request.body().replayable();
        RetryPolicy.Decision decision = c.retryPolicy.decide(retriesDone, outcome, request.safety(), replayable);
        if (decision instanceof RetryPolicy.RateLimited limited) {
            rateLimited(limited.retryAfter(), outcome, response);
        } else if (decision instanceof RetryPolicy.Retry retry) {
            if (request.deadline().remaining().compareTo(retry.delay()) < 0) {
                giveUp(outcome, response, Optional.of("its deadline leaves no time for another attempt"));
                return;
            }
            LOG.warn("{} {} failed ({}); retry {} of {} in {} ms", c.provider, InferenceHttpClient.describe(request),
                    c.mask(what(outcome)), retriesDone + 1, c.retryPolicy.maxRetries(), retry.delay().toMillis());
            retriesDone++;
            c.retryListener.retrying(request, RetryListener.reason(outcome));
            later(this::attempt, retry.delay());
        } else {
            giveUp(outcome, response, ((RetryPolicy.GiveUp) decision).reason());
        }
    }

    private void rateLimited(Duration retryAfter, RetryPolicy.Outcome outcome, ApiResponse response) {
        long now = System.nanoTime();
        if (rateLimitedSince < 0) {
            rateLimitedSince = now;
        }
        Duration waited = Duration.ofNanos(now - rateLimitedSince);
        Duration next = retryAfter != null ? retryAfter : Duration.ZERO;
        if (waited.plus(next).compareTo(c.timeouts.maxRateLimitWait()) > 0) {
            giveUp(outcome, response, Optional.of("the service was still rate limiting after " + waited.toSeconds()
                    + " s (maxRateLimitWait " + c.timeouts.maxRateLimitWait().toSeconds() + " s)"));
            return;
        }
        LOG.debug("{} {} was rate limited; waiting for the service's cool-down", c.provider,
                InferenceHttpClient.describe(request));
        c.retryListener.retrying(request, "rate_limited");
        if (gated) {
            attempt(); // the gate holds it until the cool-down ends
        } else {
            later(this::attempt, retryAfter != null ? retryAfter : c.retryPolicy.backoff().delay(retriesDone));
        }
    }

    private void giveUp(RetryPolicy.Outcome outcome, ApiResponse response, Optional<String> reason) {
        String describe = InferenceHttpClient.describe(request);
        if (response != null) {
            String message = ProviderErrors.message(response);
            String location = response.status() >= 300 && response.status() < 400 ? response.header("location") : null;
            if (location != null) {
                message = (message == null ? "" : message + "; ") + "it redirects to " + location.replaceAll("\\?.*$", "")
                        + ", which is not followed (check baseUrl)";
            }
            if (reason.isPresent()) {
                message = (message == null ? "" : message + "; ") + reason.get();
            }
            result.completeExceptionally(new InferenceApiException(c.provider, describe, response.status(),
                    c.mask(message), ProviderErrors.requestId(response)));
            return;
        }
        boolean maybeReceived = !outcome.neverSent();
        String text = c.provider + " " + describe + " failed: " + what(outcome) + reason.map(r -> "; " + r).orElse("")
                + (maybeReceived && request.safety() == RetrySafety.NOT_AFTER_RECEIVED
                    ? "; not re-sent because the service may already have received it" : "");
        result.completeExceptionally(new InferenceTransportException(c.provider, c.mask(text), maybeReceived,
                c.masker.mask(outcome.error())));
    }

    private void notSent(String why) {
        result.completeExceptionally(new InferenceTransportException(c.provider, c.provider + " "
                + InferenceHttpClient.describe(request) + " was not sent: " + why, false, null));
    }

    private ScheduledFuture<?> later(Runnable task, Duration delay) {
        try {
            return c.scheduler.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            notSent("the component is stopping");
            return null;
        }
    }

    private static String what(RetryPolicy.Outcome outcome) {
        if (outcome.error() != null) {
            Throwable e = outcome.error();
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return "HTTP " + outcome.status();
    }
}

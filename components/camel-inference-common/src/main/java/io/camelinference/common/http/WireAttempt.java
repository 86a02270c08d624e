package io.camelinference.common.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

import io.camelinference.common.error.InferenceTransportException;
import io.camelinference.common.retry.RetryPolicy;
import io.camelinference.common.time.Deadline;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.util.Timeout;

/**
 * One attempt of an {@link HttpCall} on the wire: builds HttpClient's request, sends it with its place at the gate,
 * bounds it by the client's watchdog, gives the place back as soon as the answer is in (on the I/O thread), and hands
 * the outcome to the call on a completion thread.
 */
final class WireAttempt implements FutureCallback<ApiResponse> {

    private final HttpCall call;
    private final InferenceHttpClient c;
    private final ApiRequest request;
    private final RequestGate.Permit permit;
    private final Header credential;
    private final Duration bound;
    private volatile Future<ApiResponse> future;
    private volatile AttemptWatchdog.Watched watched;
    private volatile boolean timedOut;

    WireAttempt(HttpCall call, InferenceHttpClient client, ApiRequest request, RequestGate.Permit permit,
                Header credential) {
        this.call = call;
        this.c = client;
        this.request = request;
        this.permit = permit;
        this.credential = credential;
        this.bound = request.isTransfer() ? client.timeouts.transfer() : client.timeouts.request();
    }

    /** Sends the request; a request that cannot even be built or sent fails the call (nothing reached the service). */
    void send() {
        BasicHttpRequest http;
        AsyncEntityProducer entity;
        try {
            http = build();
        } catch (IllegalArgumentException malformed) {
            // URI's message quotes the whole URL, and a signed link's query is a credential no masker knows
            release(false);
            call.fail(new InferenceTransportException(c.provider, "Cannot prepare " + c.provider + " "
                    + InferenceHttpClient.describe(request) + ": its URL is malformed", false, null));
            return;
        }
        try {
            for (Map.Entry<String, String> h : request.headers()) {
                http.addHeader(h.getKey(), h.getValue());
            }
            if (credential != null) {
                http.setHeader(credential);
            }
            entity = request.body() == null ? null : request.body().newProducer();
        } catch (Exception e) {
            release(false);
            call.fail(new InferenceTransportException(c.provider, c.mask("Cannot prepare " + c.provider + " "
                    + InferenceHttpClient.describe(request) + ": " + e.getMessage()), false, c.masker.mask(e)));
            return;
        }
        Deadline attemptDeadline = Deadline.in(bound).min(request.deadline());
        try {
            future = c.pooled.client().execute(new BasicRequestProducer(http, entity),
                    new ApiResponseConsumer(request.downloadTo(), c.pooled.budget()), null, context(), this);
        } catch (RuntimeException stopped) {
            release(false);
            call.fail(new InferenceTransportException(c.provider, c.provider + " "
                    + InferenceHttpClient.describe(request) + " was not sent: the HTTP client is closed", false, null));
            return;
        }
        watched = c.watchdog.watch(System.nanoTime() + attemptDeadline.remaining().toNanos(), () -> {
            timedOut = true;
            future.cancel(true);
        });
        if (future.isDone()) {
            stopWatching(); // answered before it was watched
        }
    }

    @Override
    public void completed(ApiResponse response) {
        stopWatching();
        // only a refusal may carry Retry-After: a success is not searched for it
        RetryPolicy.Outcome outcome = RetryPolicy.Outcome.status(response.status(),
                response.isSuccess() ? null : InferenceHttpClient.retryAfter(response));
        if (permit != null && outcome.rateLimited()) {
            permit.rateLimited(outcome.retryAfter());
        } else {
            release(true);
        }
        c.continuation.accept(() -> call.answered(response, credential, outcome));
    }

    @Override
    public void failed(Exception error) {
        stopWatching();
        release(false);
        c.continuation.accept(() -> call.decide(RetryPolicy.Outcome.error(error), null));
    }

    @Override
    public void cancelled() {
        stopWatching();
        release(false);
        if (timedOut) {
            TimeoutException timeout = new TimeoutException("no complete answer within " + bound.toMillis() + " ms"
                    + (request.deadline().isNone() ? "" : " or before the job's deadline"));
            c.continuation.accept(() -> call.decide(RetryPolicy.Outcome.error(timeout), null));
        } else {
            call.cancel();
        }
    }

    private void stopWatching() {
        AttemptWatchdog.Watched w = watched;
        if (w != null) {
            w.done();
        }
    }

    private void release(boolean answered) {
        if (permit != null) {
            if (answered) {
                permit.answered();
            } else {
                permit.abandoned();
            }
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
}

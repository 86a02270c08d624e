package io.camelinference.common.http;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceTransportException;
import io.camelinference.common.retry.RetryPolicy;
import io.camelinference.common.retry.RetrySafety;
import org.apache.hc.core5.http.Header;

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
        StatusCheckPacer pacer = request.isStatusCheck() ? c.statusPacer : null;
        RequestGate.Permit free = c.gate.tryAcquire(pacer);
        if (free != null) {
            execute(free, credential); // a free place: no ticket to wait on, no timer to arm and cancel
            return;
        }
        CompletableFuture<RequestGate.Permit> ticket = c.gate.acquire(pacer);
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

    private void execute(RequestGate.Permit permit, Header credential) {
        new WireAttempt(this, c, request, permit, credential).send();
    }

    /** The attempt could not be sent: nothing reached the service. */
    void fail(Throwable error) {
        result.completeExceptionally(error);
    }

    /** The caller cancelled the call. */
    void cancel() {
        result.cancel(false);
    }

    /** An answer arrived (on a completion thread). */
    void answered(ApiResponse response, Header credential, RetryPolicy.Outcome outcome) {
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

    /** Retries, waits out a rate limit, or gives up, as the policy says. */
    void decide(RetryPolicy.Outcome outcome, ApiResponse response) {
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

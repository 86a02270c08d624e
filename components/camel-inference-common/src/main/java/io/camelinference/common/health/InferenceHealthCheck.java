package io.camelinference.common.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.camelinference.common.component.InferenceEndpointSupport;
import io.camelinference.common.component.InferenceRuntime;
import io.camelinference.common.component.InferenceService;
import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.http.ApiRequest;
import io.camelinference.common.http.InferenceHttpClient;
import io.camelinference.common.time.Deadline;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Whether a component's service is reachable and accepts the configured key, reported through Camel's health-check
 * registry (Camel Main's and Spring Boot's health endpoints). For every base URL and key the component's endpoints use,
 * it sends the service's cheap authenticated probe ({@link InferenceService#healthPath()}): UP when it answers 2xx (or a
 * status the service declares as "key accepted"), DOWN when the key is refused (401, 403), the service fails, or it
 * cannot be reached.
 */
public final class InferenceHealthCheck implements HealthCheck {

    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private final InferenceService service;
    private final Supplier<InferenceRuntime> runtime;
    private final Map<String, InferenceHttpClient> targets = new ConcurrentHashMap<>();
    private volatile boolean enabled = true;

    public InferenceHealthCheck(InferenceService service, Supplier<InferenceRuntime> runtime) {
        this.service = service;
        this.runtime = runtime;
    }

    /** Adds the endpoint's base URL and key to what is probed (once per distinct pair). */
    public void track(InferenceEndpointSupport endpoint) {
        String key = endpoint.configuration().getBaseUrl() + "#" + Integer.toHexString(
                String.valueOf(endpoint.configuration().getApiKey()).hashCode());
        targets.computeIfAbsent(key, k -> endpoint.http());
    }

    @Override
    public String getGroup() {
        return "camel-inference";
    }

    @Override
    public String getId() {
        return service.scheme();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        // a remote service being down does not mean this JVM should be restarted
        return false;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).up();
        Map<String, Object> details = new LinkedHashMap<>();
        if (targets.isEmpty()) {
            details.put("endpoints", 0);
        }
        for (InferenceHttpClient http : targets.values()) {
            String problem = probe(http);
            details.put(http.baseUrl(), problem == null ? "UP" : problem);
            if (problem != null) {
                builder.down().message(service.title() + " at " + http.baseUrl() + ": " + problem);
            }
        }
        return builder.details(details).build();
    }

    /** Null when the service answered as a healthy service with an accepted key; else what is wrong. */
    private String probe(InferenceHttpClient http) {
        ApiRequest request = ApiRequest.get(service.healthPath()).deadline(Deadline.in(PROBE_TIMEOUT)).build();
        try {
            http.send(request).get(PROBE_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = Failures.cause(e.getCause());
            if (cause instanceof InferenceApiException api) {
                if (service.healthyStatuses().contains(api.getStatusCode())) {
                    return null;
                }
                if (api.getStatusCode() == 401 || api.getStatusCode() == 403) {
                    return "the key was refused (HTTP " + api.getStatusCode() + ")";
                }
                return "HTTP " + api.getStatusCode();
            }
            return "unreachable: " + http.mask(cause.getMessage());
        } catch (TimeoutException e) {
            return "no answer within " + PROBE_TIMEOUT.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public String toString() {
        return "InferenceHealthCheck[" + service.scheme() + ", " + targets.size() + " targets]";
    }
}

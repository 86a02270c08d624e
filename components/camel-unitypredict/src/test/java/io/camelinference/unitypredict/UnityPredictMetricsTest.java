package io.camelinference.unitypredict;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import io.camelinference.emulator.spi.JobFault;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Micrometer metrics after real calls to the emulator, in a SimpleMeterRegistry bound as camel-micrometer's
 * metricsRegistry: calls by outcome, failures by kind, retries, latency, what was billed, pending jobs and the spend
 * budget.
 */
class UnityPredictMetricsTest extends UnityPredictTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(1500));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", registry);
        return context;
    }

    @Override
    protected void configure(InferenceConfiguration configuration) {
        configuration.setSpendLimit(1.0);
    }

    private RequiredSearch meter(String name, String operation) {
        return registry.get(name).tags("component", "unitypredict", "operation", operation);
    }

    private Exchange predict(String uri) {
        return template.request(uri, e -> e.getMessage().setBody(Map.of("Age", 61, "Chol", 120)));
    }

    @Test
    void callsFailuresRetriesLatencyAndWhatWasBilledAreMeteredPerOperation() {
        // one 503 before the service takes the first call: retried (503 means not processed, even for a billed call)
        fault(FaultRule.builder().method("POST").path("/api/predict/*").status(503).count(1));
        Exchange ok = predict("unitypredict:predict?modelId=heart-risk");
        Exchange noModel = predict("unitypredict:predict");
        fault(FaultRule.builder().method("POST").path("/api/predict/*").job(JobFault.ERROR).count(1));
        Exchange jobFailed = predict("unitypredict:predict?modelId=heart-risk");
        Exchange unknown = template.request("unitypredict:status",
                e -> e.getMessage().setHeader(UnityPredictConstants.REQUEST_ID, "no-such-request"));

        assertThat(ok.getException()).isNull();
        assertThat(noModel.getException()).isInstanceOf(IllegalArgumentException.class);
        assertThat(jobFailed.getException()).isNotNull();
        assertThat(unknown.getException()).isNotNull();
        assertThat(meter("camel.inference.requests", "predict").tag("outcome", "success").counter().count())
                .isEqualTo(1);
        assertThat(meter("camel.inference.requests", "predict").tag("outcome", "failure").counter().count())
                .isEqualTo(2);
        assertThat(meter("camel.inference.failures", "predict").tag("kind", "bad_input").counter().count())
                .isEqualTo(1);
        assertThat(meter("camel.inference.failures", "predict").tag("kind", "job_failed").counter().count())
                .isEqualTo(1);
        assertThat(meter("camel.inference.failures", "status").tag("kind", "api_4xx").counter().count()).isEqualTo(1);
        assertThat(meter("camel.inference.retries", "predict").tag("reason", "status_5xx").counter().count())
                .isEqualTo(1);
        assertThat(meter("camel.inference.latency", "predict").tag("outcome", "success").timer().count())
                .isEqualTo(1);

        // billed: what the completed answer reported (the failed job's cost is not reported, so not counted)
        double cost = ok.getMessage().getHeader(UnityPredictConstants.COMPUTE_COST, Double.class);
        assertThat(cost).isPositive();
        assertThat(meter("camel.inference.billed", "predict").tag("unit", "usd").counter().count()).isEqualTo(cost);
        assertThat(meter("camel.inference.billed", "predict").tag("unit", "compute_seconds").counter().count())
                .isNotNegative();
        assertThat(registry.get("camel.inference.spend").tags("component", "unitypredict", "budget", "unitypredict",
                "unit", "usd").gauge().value()).isEqualTo(cost);
        assertThat(registry.get("camel.inference.spend.limit").tags("budget", "unitypredict").gauge().value())
                .isEqualTo(1.0);
        assertThat(BigDecimal.valueOf(cost)).isEqualByComparingTo(emulator.stats().billedCost("unitypredict")
                .subtract(new BigDecimal("0.0001")));
    }

    @Test
    void jobsBeingWaitedForAreAGauge() {
        String uri = "unitypredict:predict?modelId=sentiment-slow";
        CompletableFuture<Exchange> first = template.asyncSend(uri, e -> e.getMessage().setBody(Map.of("Text", "fine")));
        CompletableFuture<Exchange> second = template.asyncSend(uri, e -> e.getMessage().setBody(Map.of("Text", "bad")));

        await().atMost(Duration.ofSeconds(10)).until(() -> registry.find("camel.inference.jobs.pending")
                .tags("component", "unitypredict", "operation", "predict").gauge() != null
                && registry.get("camel.inference.jobs.pending").tags("operation", "predict").gauge().value() == 2);
        assertThat(first.join().getException()).isNull();
        assertThat(second.join().getException()).isNull();
        // the poller forgets a job just after the exchange got its result
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.get("camel.inference.jobs.pending")
                .tags("operation", "predict").gauge().value() == 0);
        assertThat(meter("camel.inference.billed", "predict").tag("unit", "compute_seconds").counter().count())
                .isGreaterThanOrEqualTo(3.0);
    }
}

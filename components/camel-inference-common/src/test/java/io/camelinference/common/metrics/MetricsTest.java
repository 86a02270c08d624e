package io.camelinference.common.metrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.camelinference.common.billing.Bill;
import io.camelinference.common.billing.BillingUnit;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.error.SpendLimitExceededException;
import io.camelinference.common.poll.JobPoller;
import io.camelinference.common.poll.JobStatus;
import io.camelinference.common.poll.PollSchedule;
import io.camelinference.common.spend.SpendBudget;
import io.camelinference.common.test.MovableClock;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MetricsTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void theRegistryIsCamelMicrometersBeanElseTheOnlyOneElseTheGlobalOne() {
        SimpleMeterRegistry named = new SimpleMeterRegistry();
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        DefaultRegistry beans = new DefaultRegistry();
        assertThat(MicrometerMetrics.registry(beans)).isSameAs(Metrics.globalRegistry);
        beans.bind("mine", other);
        assertThat(MicrometerMetrics.registry(beans)).isSameAs(other);
        beans.bind("metricsRegistry", named);
        assertThat(MicrometerMetrics.registry(beans)).isSameAs(named);

        // several, as in a Spring Boot application with two backends: its composite one
        DefaultRegistry boot = new DefaultRegistry();
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        boot.bind("simple", other);
        boot.bind("composite", composite);
        boot.bind("third", new SimpleMeterRegistry());
        assertThat(MicrometerMetrics.registry(boot)).isSameAs(composite);
    }

    @Test
    void withMicrometerOnTheClasspathTheComponentsMetricsGoToTheRegistry() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("metricsRegistry", registry);
            InferenceMetrics chosen = InferenceMetrics.select(camel, "test");
            assertThat(chosen).isInstanceOf(MicrometerMetrics.class);
            assertThat(((MicrometerMetrics) chosen).registry()).isSameAs(registry);
        }
    }

    @Test
    void withoutMicrometerNothingIsMeasuredAndNothingFails() throws Exception {
        java.net.URL engine = InferenceMetrics.class.getProtectionDomain().getCodeSource().getLocation();
        // the engine's classes in a class loader that cannot see Micrometer, as in an application without it
        try (java.net.URLClassLoader withoutMicrometer = new java.net.URLClassLoader(new java.net.URL[] {engine},
                InferenceMetrics.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("io.micrometer.")) {
                    throw new ClassNotFoundException(name);
                }
                if (!name.startsWith("io.camelinference.")) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : findClass(name);
                }
            }
        }; DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("metricsRegistry", new SimpleMeterRegistry());
            Class<?> metrics = withoutMicrometer.loadClass(InferenceMetrics.class.getName());
            Object chosen = metrics.getMethod("select", org.apache.camel.CamelContext.class, String.class)
                    .invoke(null, camel, "test");
            assertThat(chosen).isSameAs(metrics.getField("NONE").get(null));
            assertThat(chosen.getClass().getClassLoader()).isSameAs(withoutMicrometer);
            // and a component's metrics work on it
            Class<?> component = withoutMicrometer.loadClass(ComponentMetrics.class.getName());
            Object componentMetrics = component.getConstructor(withoutMicrometer.loadClass(BillingUnit.class.getName()))
                    .newInstance((Object) null);
            component.getMethod("start", metrics).invoke(componentMetrics, chosen);
            component.getMethod("request", String.class, long.class, Throwable.class)
                    .invoke(componentMetrics, "predict", 1_000L, null);
            assertThat(component.getMethod("totals").invoke(componentMetrics).toString()).contains("requests=1");
        }
    }

    @Test
    void everyMeasurementIsCountedTaggedAndTotalledForTheConsole() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ComponentMetrics metrics = new ComponentMetrics(new BillingUnit("usd", "USD"));
        metrics.start(new MicrometerMetrics(registry, "test"));

        metrics.request("predict", 2_000_000, null);
        metrics.request("predict", 5_000_000, new InferenceJobFailedException("test", "j-1", "Error", "bad model"));
        metrics.request("predict", -1, new IllegalArgumentException("no modelId"));
        metrics.request("status", 1_000_000, new InferenceApiException("test", "GET /x", 503, "down", null));
        metrics.retries("predict").retrying(null, "status_5xx");
        metrics.billed("predict", Bill.of(new BigDecimal("0.0002")).and("compute_seconds", BigDecimal.valueOf(2)));

        assertThat(registry.get("camel.inference.requests").tags("component", "test", "operation", "predict",
                "outcome", "success").counter().count()).isEqualTo(1);
        assertThat(registry.get("camel.inference.requests").tags("operation", "predict", "outcome", "failure")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get("camel.inference.failures").tags("operation", "predict", "kind", "job_failed")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("camel.inference.failures").tags("kind", "bad_input").counter().count()).isEqualTo(1);
        assertThat(registry.get("camel.inference.failures").tags("operation", "status", "kind", "api_5xx").counter()
                .count()).isEqualTo(1);
        // refused before sending: counted, but no latency
        assertThat(registry.get("camel.inference.latency").tags("operation", "predict", "outcome", "failure").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get("camel.inference.retries").tags("operation", "predict", "reason", "status_5xx")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("camel.inference.billed").tags("unit", "usd").counter().count()).isEqualTo(0.0002);
        assertThat(registry.get("camel.inference.billed").tags("unit", "compute_seconds").counter().count())
                .isEqualTo(2);

        OperationTotals.Totals predict = metrics.totals().get("predict");
        assertThat(predict.requests()).isEqualTo(3);
        assertThat(predict.failuresByKind()).isEqualTo(Map.of("bad_input", 1L, "job_failed", 1L));
        assertThat(predict.retries()).isEqualTo(1);
        assertThat(predict.billed()).containsEntry("usd", new BigDecimal("0.0002"));
    }

    @Test
    void pendingJobsAndSpendAreGaugesRemovedWhenTheComponentStops() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ComponentMetrics metrics = new ComponentMetrics(new BillingUnit("inferences", "inferences"));
        JobPoller poller = new JobPoller("test", scheduler);
        AutoCloseable watch = metrics.watch("inference", poller);
        SpendBudget budget = new SpendBudget("test", "test", new BillingUnit("inferences", "inferences"),
                BigDecimal.TEN, Duration.ofHours(24), () -> MovableClock.at("2026-03-01T10:00:00Z"));
        metrics.budget(budget);
        // gauges made before Micrometer was chosen are registered when it is
        metrics.start(new MicrometerMetrics(registry, "test"));

        CompletableFuture<String> never = poller.await("task-1", new PollSchedule(Duration.ofMillis(10),
                Duration.ofMillis(50), Duration.ofSeconds(30)), d -> CompletableFuture.completedFuture(
                JobStatus.<String>running("pending")));
        assertThat(registry.get("camel.inference.jobs.pending").tags("component", "test", "operation", "inference")
                .gauge().value()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> metrics.pendingJobs().get("inference").get(0).checks() >= 2);
        assertThat(metrics.pendingJobs().get("inference")).singleElement().satisfies(job -> {
            assertThat(job.id()).isEqualTo("task-1");
            assertThat(job.state()).isEqualTo("pending");
            assertThat(job.age()).isPositive();
        });
        budget.reserve(null).settle(BigDecimal.valueOf(3));
        assertThat(registry.get("camel.inference.spend").tags("budget", "test", "unit", "inferences").gauge().value())
                .isEqualTo(3);
        assertThat(registry.get("camel.inference.spend.limit").tags("budget", "test").gauge().value()).isEqualTo(10);

        never.cancel(true);
        poller.cancelAll("test over");
        watch.close();
        metrics.stop();
        assertThat(registry.find("camel.inference.jobs.pending").gauges()).isEmpty();
        assertThat(registry.find("camel.inference.spend").gauges()).isEmpty();
    }

    @Test
    void failuresAreSortedIntoKinds() {
        assertThat(FailureKinds.of(new java.util.concurrent.CompletionException(
                new InferenceApiException("t", "POST /p", 401, "no", null)))).isEqualTo("auth");
        assertThat(FailureKinds.of(new InferenceApiException("t", "POST /p", 429, "slow down", null)))
                .isEqualTo("rate_limited");
        assertThat(FailureKinds.of(new InferenceApiException("t", "POST /p", 404, "gone", null))).isEqualTo("api_4xx");
        assertThat(FailureKinds.of(new SpendLimitExceededException("t", "t", "USD", BigDecimal.ONE,
                Duration.ofHours(1), null, null, BigDecimal.ONE, null, "used up"))).isEqualTo("spend_limit");
        assertThat(FailureKinds.of(new io.camelinference.common.error.JobCancelledException("j", "stopping")))
                .isEqualTo("cancelled");
        assertThat(FailureKinds.of(new IllegalStateException("bug"))).isEqualTo("other");
    }
}

package io.camelinference.common.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;

import static org.awaitility.Awaitility.await;

/**
 * Runs a component's routes against the in-process emulator, the same way for every component: the component gets the
 * emulator's base URL but no API key (the key comes from the service's environment variable, which the components'
 * surefire configuration sets, so every test exercises the fallback), and quick retry and poll delays (the policies are
 * under test, not their default delays).
 */
public abstract class ComponentTestSupport extends CamelTestSupport {

    /** The emulator of the test class (a static {@code @RegisterExtension} field of the subclass). */
    protected abstract EmulatorExtension emulator();

    /** A new component of the kind under test. */
    protected abstract InferenceComponentSupport newComponent();

    /** The service's API root on the emulator, e.g. {@code /api} or {@code /v0.7}. */
    protected abstract String apiPath();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        InferenceComponentSupport component = newComponent();
        InferenceConfiguration c = component.componentConfiguration();
        c.setBaseUrl(emulator().baseUrl() + apiPath());
        c.setRetryInitialDelay(50);
        c.setRetryMaxDelay(500);
        c.setPollInitialDelay(50);
        c.setPollMaxInterval(200);
        configure(c);
        context.addComponent(scheme(), component);
        context.getShutdownStrategy().setTimeout(2);
        return context;
    }

    /** Further settings of the component under test. */
    protected void configure(InferenceConfiguration configuration) {
    }

    protected String scheme() {
        return newComponent().service().scheme();
    }

    /** Adds a fault for this service. */
    protected void fault(FaultRule.Builder rule) {
        emulator().faults().add(rule.provider(scheme()).build());
    }

    /** Calls the emulator counted on a route template, e.g. {@code POST /api/predict/{modelId}}. */
    protected long calls(String route) {
        return emulator().stats().calls(scheme(), route);
    }

    protected long billed() {
        return emulator().stats().billedUnits(scheme());
    }

    /** Waits until the route was called at least {@code n} times. */
    protected void awaitCalls(String route, long n) {
        await().atMost(Duration.ofSeconds(20)).until(() -> calls(route) >= n);
    }

    /**
     * The files ending with {@code suffix} in the component's temporary directory ({@code java.io.tmpdir/camel-<scheme>}):
     * the spooled copies of streams ({@code .spool}) or temporary downloads, to show none is left behind.
     */
    protected List<Path> tempFiles(String suffix) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "camel-" + scheme());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}

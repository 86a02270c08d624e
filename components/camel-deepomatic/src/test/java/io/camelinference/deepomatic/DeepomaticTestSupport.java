package io.camelinference.deepomatic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import io.camelinference.emulator.deepomatic.DeepomaticProvider;
import io.camelinference.emulator.deepomatic.SampleImages;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Runs routes against the in-process emulator. The component gets the emulator's base URL but no API key: the key
 * comes from the DEEPOMATIC_API_KEY environment variable surefire sets, which exercises the env fallback in every test.
 */
abstract class DeepomaticTestSupport extends CamelTestSupport {

    static final String DM = "deepomatic";
    static final String PUBLIC_INFERENCE = "POST /v0.7/recognition/public/{specId}/inference";
    static final String PRIVATE_INFERENCE = "POST /v0.7/recognition/specs/{specId}/inference";
    static final String TASK = "GET /v0.7/tasks/{taskId}";
    static final String TASK_LIST = "GET /v0.7/tasks";
    static final String CLASSIFIER = "dominant-color-v1";
    static final String DETECTOR = "color-blobs-v1";

    protected abstract EmulatorExtension emulator();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        DeepomaticComponent component = new DeepomaticComponent();
        component.getConfiguration().setBaseUrl(emulator().baseUrl() + "/v0.7");
        // keep test retries and polls quick; the policies themselves are under test, not their default delays
        component.getConfiguration().setRetryInitialDelay(50);
        component.getConfiguration().setPollInitialDelay(100);
        component.getConfiguration().setPollMaxInterval(200);
        context.addComponent("deepomatic", component);
        context.getShutdownStrategy().setTimeout(2);
        return context;
    }

    void fault(FaultRule.Builder rule) {
        emulator().faults().add(rule.provider(DM).build());
    }

    long calls(String route) {
        return emulator().stats().calls(DM, route);
    }

    long billed() {
        return emulator().stats().billedUnits(DM);
    }

    String sampleUrl(String name) {
        return emulator().baseUrl() + DeepomaticProvider.IMAGES + "/" + name;
    }

    static byte[] sample(String name) {
        return SampleImages.get(name);
    }

    static Path sampleFile(Path dir, String name) throws IOException {
        return Files.write(dir.resolve(name), sample(name));
    }
}

package io.camelinference.deepomatic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.test.ComponentTestSupport;
import io.camelinference.emulator.deepomatic.DeepomaticProvider;
import io.camelinference.emulator.deepomatic.SampleImages;

/**
 * Runs routes against the in-process emulator (see {@link ComponentTestSupport}): the key comes from the
 * DEEPOMATIC_API_KEY environment variable surefire sets, which exercises the env fallback in every test.
 */
abstract class DeepomaticTestSupport extends ComponentTestSupport {

    static final String PUBLIC_INFERENCE = "POST /v0.7/recognition/public/{specId}/inference";
    static final String PRIVATE_INFERENCE = "POST /v0.7/recognition/specs/{specId}/inference";
    static final String TASK = "GET /v0.7/tasks/{taskId}";
    static final String TASK_LIST = "GET /v0.7/tasks";
    static final String CLASSIFIER = "dominant-color-v1";
    static final String DETECTOR = "color-blobs-v1";

    @Override
    protected InferenceComponentSupport newComponent() {
        return new DeepomaticComponent();
    }

    @Override
    protected String apiPath() {
        return "/v0.7";
    }

    @Override
    protected void configure(InferenceConfiguration configuration) {
        // the batching assertions count status requests: keep the poll rounds these tests were written for
        configuration.setPollInitialDelay(100);
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

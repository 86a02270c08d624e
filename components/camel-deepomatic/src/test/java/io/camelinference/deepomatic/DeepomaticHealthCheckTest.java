package io.camelinference.deepomatic;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.test.HealthCheckContract;

/** UP / DOWN (wrong key) / DOWN (unreachable), probing GET /recognition/specs/?limit=1 on the emulator. */
class DeepomaticHealthCheckTest extends HealthCheckContract {

    @Override
    protected InferenceComponentSupport newComponent() {
        return new DeepomaticComponent();
    }

    @Override
    protected String apiPath() {
        return "/v0.7";
    }

    @Override
    protected String endpointUri() {
        return "deepomatic:specs";
    }
}

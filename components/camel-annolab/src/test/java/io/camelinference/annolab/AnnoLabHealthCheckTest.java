package io.camelinference.annolab;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.test.HealthCheckContract;

/** The health check probes GET /v1/api-key/info (see {@link HealthCheckContract}). */
class AnnoLabHealthCheckTest extends HealthCheckContract {

    @Override
    protected InferenceComponentSupport newComponent() {
        return new AnnoLabComponent();
    }

    @Override
    protected String apiPath() {
        return "";
    }

    @Override
    protected String endpointUri() {
        return "annolab:status";
    }
}

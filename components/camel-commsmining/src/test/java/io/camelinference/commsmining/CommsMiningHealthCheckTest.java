package io.camelinference.commsmining;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.test.HealthCheckContract;

class CommsMiningHealthCheckTest extends HealthCheckContract {

    @Override
    protected InferenceComponentSupport newComponent() {
        return new CommsMiningComponent();
    }

    @Override
    protected String apiPath() {
        return "";
    }

    @Override
    protected String endpointUri() {
        return "commsmining:validation?project=demo&dataset=support-emails";
    }
}

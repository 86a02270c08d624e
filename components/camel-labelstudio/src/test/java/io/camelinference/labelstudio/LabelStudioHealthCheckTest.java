package io.camelinference.labelstudio;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.test.HealthCheckContract;

class LabelStudioHealthCheckTest extends HealthCheckContract {

    @Override
    protected InferenceComponentSupport newComponent() {
        return new LabelStudioComponent();
    }

    @Override
    protected String apiPath() {
        return "";
    }

    @Override
    protected String endpointUri() {
        return "labelstudio:list-projects";
    }
}

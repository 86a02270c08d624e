package io.camelinference.unitypredict;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.test.HealthCheckContract;

class UnityPredictHealthCheckTest extends HealthCheckContract {

    @Override
    protected InferenceComponentSupport newComponent() {
        return new UnityPredictComponent();
    }

    @Override
    protected String apiPath() {
        return "/api";
    }

    @Override
    protected String endpointUri() {
        return "unitypredict:status";
    }
}

package io.camelinference.unitypredict;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.test.ComponentTestSupport;

/**
 * Runs routes against the in-process emulator (see {@link ComponentTestSupport}): the key comes from the
 * UNITYPREDICT_API_KEY environment variable surefire sets, which exercises the env fallback in every test.
 */
abstract class UnityPredictTestSupport extends ComponentTestSupport {

    static final String PREDICT = "POST /api/predict/{modelId}";
    static final String PREDICT_WITH_REQUEST = "POST /api/predict/{modelId}/{requestId}";
    static final String INITIALIZE = "POST /api/predict/initialize/{modelId}";
    static final String STATUS = "GET /api/predict/status/{requestId}";

    @Override
    protected InferenceComponentSupport newComponent() {
        return new UnityPredictComponent();
    }

    @Override
    protected String apiPath() {
        return "/api";
    }
}

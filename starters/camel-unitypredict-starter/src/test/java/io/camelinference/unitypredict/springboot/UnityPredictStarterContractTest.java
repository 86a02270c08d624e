package io.camelinference.unitypredict.springboot;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.springboot.InferenceComponentProperties;
import io.camelinference.springboot.test.StarterContract;
import io.camelinference.unitypredict.UnityPredictComponent;

class UnityPredictStarterContractTest extends StarterContract {

    @Override
    protected Class<? extends InferenceComponentProperties> propertiesClass() {
        return UnityPredictComponentConfiguration.class;
    }

    @Override
    protected InferenceComponentSupport newComponent() {
        return new UnityPredictComponent();
    }

    @Override
    protected String catalogResource() {
        return "META-INF/io/camelinference/unitypredict/unitypredict.json";
    }
}

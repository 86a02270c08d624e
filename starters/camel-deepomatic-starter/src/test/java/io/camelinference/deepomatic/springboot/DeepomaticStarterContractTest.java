package io.camelinference.deepomatic.springboot;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.springboot.InferenceComponentProperties;
import io.camelinference.springboot.test.StarterContract;
import io.camelinference.deepomatic.DeepomaticComponent;

class DeepomaticStarterContractTest extends StarterContract {

    @Override
    protected Class<? extends InferenceComponentProperties> propertiesClass() {
        return DeepomaticComponentConfiguration.class;
    }

    @Override
    protected InferenceComponentSupport newComponent() {
        return new DeepomaticComponent();
    }

    @Override
    protected String catalogResource() {
        return "META-INF/io/camelinference/deepomatic/deepomatic.json";
    }
}

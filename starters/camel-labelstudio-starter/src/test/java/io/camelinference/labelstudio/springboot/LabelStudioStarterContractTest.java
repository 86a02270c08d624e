package io.camelinference.labelstudio.springboot;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.springboot.InferenceComponentProperties;
import io.camelinference.springboot.test.StarterContract;
import io.camelinference.labelstudio.LabelStudioComponent;

class LabelStudioStarterContractTest extends StarterContract {

    @Override
    protected Class<? extends InferenceComponentProperties> propertiesClass() {
        return LabelStudioComponentConfiguration.class;
    }

    @Override
    protected InferenceComponentSupport newComponent() {
        return new LabelStudioComponent();
    }

    @Override
    protected String catalogResource() {
        return "META-INF/io/camelinference/labelstudio/labelstudio.json";
    }
}

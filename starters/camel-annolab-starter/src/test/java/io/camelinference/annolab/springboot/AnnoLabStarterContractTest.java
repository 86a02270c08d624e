package io.camelinference.annolab.springboot;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.springboot.InferenceComponentProperties;
import io.camelinference.springboot.test.StarterContract;
import io.camelinference.annolab.AnnoLabComponent;

class AnnoLabStarterContractTest extends StarterContract {

    @Override
    protected Class<? extends InferenceComponentProperties> propertiesClass() {
        return AnnoLabComponentConfiguration.class;
    }

    @Override
    protected InferenceComponentSupport newComponent() {
        return new AnnoLabComponent();
    }

    @Override
    protected String catalogResource() {
        return "META-INF/io/camelinference/annolab/annolab.json";
    }
}

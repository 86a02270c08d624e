package io.camelinference.commsmining.springboot;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.springboot.InferenceComponentProperties;
import io.camelinference.springboot.test.StarterContract;
import io.camelinference.commsmining.CommsMiningComponent;

class CommsMiningStarterContractTest extends StarterContract {

    @Override
    protected Class<? extends InferenceComponentProperties> propertiesClass() {
        return CommsMiningComponentConfiguration.class;
    }

    @Override
    protected InferenceComponentSupport newComponent() {
        return new CommsMiningComponent();
    }

    @Override
    protected String catalogResource() {
        return "META-INF/io/camelinference/commsmining/commsmining.json";
    }
}

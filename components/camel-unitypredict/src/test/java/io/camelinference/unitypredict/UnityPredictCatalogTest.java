package io.camelinference.unitypredict;

import java.util.List;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.test.CatalogContract;

class UnityPredictCatalogTest extends CatalogContract {

    @Override
    protected InferenceComponentSupport newComponent() {
        return new UnityPredictComponent();
    }

    @Override
    protected String catalogResource() {
        return "META-INF/io/camelinference/unitypredict/unitypredict.json";
    }

    @Override
    protected List<String> operations() {
        return List.of("predict", "status", "download", "callback");
    }
}

package io.camelinference.labelstudio;

import java.util.Arrays;
import java.util.List;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.test.CatalogContract;

class LabelStudioCatalogTest extends CatalogContract {

    @Override
    protected InferenceComponentSupport newComponent() {
        return new LabelStudioComponent();
    }

    @Override
    protected String catalogResource() {
        return "META-INF/io/camelinference/labelstudio/labelstudio.json";
    }

    @Override
    protected List<String> operations() {
        return Arrays.stream(LabelStudioOperation.values()).map(LabelStudioOperation::uriName).toList();
    }
}

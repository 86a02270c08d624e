package io.camelinference.commsmining;

import java.util.List;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.test.CatalogContract;

class CommsMiningCatalogTest extends CatalogContract {

    @Override
    protected InferenceComponentSupport newComponent() {
        return new CommsMiningComponent();
    }

    @Override
    protected String catalogResource() {
        return "META-INF/io/camelinference/commsmining/commsmining.json";
    }

    @Override
    protected List<String> operations() {
        return List.of("predict", "predict-raw-emails", "predict-comments", "validation", "stream-fetch",
                "stream-advance", "stream-reset", "stream");
    }
}

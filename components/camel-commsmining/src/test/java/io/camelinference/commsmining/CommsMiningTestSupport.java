package io.camelinference.commsmining;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.test.ComponentTestSupport;

/**
 * Runs routes against the in-process emulator (see {@link ComponentTestSupport}): the token comes from the
 * COMMSMINING_API_TOKEN environment variable surefire sets, which exercises the env fallback in every test. The
 * emulator's root is the tenant's base URL.
 */
abstract class CommsMiningTestSupport extends ComponentTestSupport {

    static final String LABELLER = "/api/v1/datasets/{project}/{dataset}/labellers/{version}";
    static final String PREDICT = "POST " + LABELLER + "/predict";
    static final String PREDICT_RAW = "POST " + LABELLER + "/predict-raw-emails";
    static final String PREDICT_COMMENTS = "POST " + LABELLER + "/predict-comments";
    static final String STREAM = "/api/v1/datasets/{project}/{dataset}/streams/{stream}";
    static final String FETCH = "POST " + STREAM + "/fetch";
    static final String ADVANCE = "POST " + STREAM + "/advance";
    static final String EXCEPTIONS = "PUT " + STREAM + "/exceptions";
    /** The emulator's demo dataset. */
    static final String DEMO = "project=demo&dataset=support-emails";

    @Override
    protected InferenceComponentSupport newComponent() {
        return new CommsMiningComponent();
    }

    @Override
    protected String apiPath() {
        return "";
    }
}

package io.camelinference.examples.pipeline;

import java.util.function.Supplier;

import io.camelinference.annolab.AnnoLabComponent;
import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.commsmining.CommsMiningComponent;
import io.camelinference.deepomatic.DeepomaticComponent;
import io.camelinference.unitypredict.UnityPredictComponent;

/** The services the pipeline's routes use, with where each API lives on the emulator. */
enum Service {
    UNITYPREDICT("unitypredict", "/api", UnityPredictComponent::new),
    DEEPOMATIC("deepomatic", "/v0.7", DeepomaticComponent::new),
    ANNOLAB("annolab", "", AnnoLabComponent::new),
    COMMSMINING("commsmining", "", CommsMiningComponent::new);

    private final String scheme;
    private final String emulatorPath;
    private final Supplier<InferenceComponentSupport> component;

    Service(String scheme, String emulatorPath, Supplier<InferenceComponentSupport> component) {
        this.scheme = scheme;
        this.emulatorPath = emulatorPath;
        this.component = component;
    }

    /** A new component of this service, to configure before Camel Main binds it. */
    InferenceComponentSupport newComponent() {
        return component.get();
    }

    String scheme() {
        return scheme;
    }

    /** The path of the service's API on the emulator, appended to its base URL. */
    String emulatorPath() {
        return emulatorPath;
    }
}

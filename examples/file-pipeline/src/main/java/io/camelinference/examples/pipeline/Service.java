package io.camelinference.examples.pipeline;

/** The services the pipeline's routes use, with where each API lives on the emulator. */
enum Service {
    UNITYPREDICT("unitypredict", "/api"),
    DEEPOMATIC("deepomatic", "/v0.7"),
    ANNOLAB("annolab", "");

    private final String scheme;
    private final String emulatorPath;

    Service(String scheme, String emulatorPath) {
        this.scheme = scheme;
        this.emulatorPath = emulatorPath;
    }

    String scheme() {
        return scheme;
    }

    /** The path of the service's API on the emulator, appended to its base URL. */
    String emulatorPath() {
        return emulatorPath;
    }
}

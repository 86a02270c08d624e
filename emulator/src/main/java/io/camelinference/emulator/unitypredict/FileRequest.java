package io.camelinference.emulator.unitypredict;

import java.nio.file.Path;
import java.util.Map;

/** A request made by initialize: the model it is for and its uploaded files by generated name. */
record FileRequest(String requestId, String modelId, String contextId, Map<String, Path> files) {
}

package io.camelinference.emulator.unitypredict;

import java.nio.file.Path;
import java.util.Map;

/**
 * A request made by initialize: the model it is for, its uploaded files by generated name, and a digest of each file's
 * content (computed while it streamed in), which identifies what a prediction on it bills.
 */
record FileRequest(String requestId, String modelId, String contextId, Map<String, Path> files,
                   Map<String, String> digests) {

    FileRequest(String requestId, String modelId, String contextId, Map<String, Path> files) {
        this(requestId, modelId, contextId, files, new java.util.concurrent.ConcurrentHashMap<>());
    }
}

package io.camelinference.unitypredict.operation;

import java.nio.file.Path;

/**
 * A status check, as the binding read it.
 *
 * @param requestId       the request to check
 * @param outputDirectory where the File outcomes of a completed request are downloaded, or null
 */
public record StatusQuery(String requestId, Path outputDirectory) {
}

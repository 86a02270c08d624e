package io.camelinference.unitypredict.operation;

import java.nio.file.Path;

/**
 * One output file to download, as the binding read it.
 *
 * @param requestId the request that produced it
 * @param fileName  its name on the service
 * @param target    where it goes (inside the output directory)
 */
public record DownloadCall(String requestId, String fileName, Path target) {
}

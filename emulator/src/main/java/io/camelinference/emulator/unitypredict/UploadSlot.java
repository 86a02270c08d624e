package io.camelinference.emulator.unitypredict;

import java.nio.file.Path;

/** What a signed upload link writes: the file of one request, under the generated name the client refers to. */
record UploadSlot(String requestId, String generatedName, Path target) {
}

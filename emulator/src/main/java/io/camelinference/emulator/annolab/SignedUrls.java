package io.camelinference.emulator.annolab;

import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.Request;

/**
 * The signed URLs AnnoLab hands out for PDF uploads, export downloads and source files (S3 pre-signed URLs in the real service).
 * Their routes are public: the URL itself is the authorisation.
 */
final class SignedUrls {

    static final String UPLOAD_PATH = "/_emulator/annolab/upload/";
    static final String DOWNLOAD_PATH = "/_emulator/annolab/download/";
    static final String FILE_PATH = "/_emulator/annolab/files/";

    private SignedUrls() {
    }

    /** Like S3, a signed URL refuses a request that carries a second authorisation in an Authorization header. */
    static void refuseSecondAuthorization(Request r) {
        if (r.header("Authorization") != null) {
            throw new ApiError(400, "Only one auth mechanism allowed: the signed URL carries its own authorisation,"
                    + " do not send an Authorization header");
        }
    }
}

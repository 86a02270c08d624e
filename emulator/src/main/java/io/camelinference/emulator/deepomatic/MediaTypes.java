package io.camelinference.emulator.deepomatic;

import java.util.Locale;

import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.Request;

/** The request bodies Deepomatic's API parses: JSON everywhere, multipart where files make sense; the rest is 415. */
final class MediaTypes {

    private MediaTypes() {
    }

    /** Refuses anything but JSON (and multipart, when allowed); no Content-Type at all is taken as JSON. */
    static void requireJson(Request r, boolean multipartAllowed) {
        String type = r.header("Content-Type");
        if (type == null || type.isBlank()) {
            return;
        }
        String t = type.toLowerCase(Locale.ROOT);
        if (t.startsWith("application/json") || (multipartAllowed && t.startsWith("multipart/form-data"))) {
            return;
        }
        String media = type.split(";")[0].trim();
        throw new ApiError(415, "Unsupported media type \"" + media + "\" in request.");
    }

    static boolean isMultipart(Request r) {
        String type = r.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }
}

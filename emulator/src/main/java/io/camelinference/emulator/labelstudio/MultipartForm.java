package io.camelinference.emulator.labelstudio;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A small {@code multipart/form-data} reader for the import's task files (read into memory, as Django does). */
final class MultipartForm {

    /** One part: its form name, its file name (null for a field), and its content. */
    record Part(String name, String fileName, byte[] data) {
        String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private MultipartForm() {
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    static List<Part> parse(byte[] body, String contentType) {
        String boundary = null;
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                boundary = p.substring(9).replace("\"", "");
            }
        }
        if (boundary == null || boundary.isEmpty()) {
            throw LsErrors.ValidationFailure.field("non_field_errors", "Multipart form parse error - Invalid boundary"
                    + " in multipart: None");
        }
        byte[] first = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(body, first, 0);
        if (pos < 0) {
            throw LsErrors.ValidationFailure.field("non_field_errors", "Multipart form parse error - no part");
        }
        pos += first.length;
        while (pos + 2 <= body.length && !(body[pos] == '-' && body[pos + 1] == '-')) {
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
            int end = headersEnd < 0 ? -1 : indexOf(body, next, headersEnd + 4);
            if (end < 0) {
                throw LsErrors.ValidationFailure.field("non_field_errors", "Multipart form parse error - a part has"
                        + " no end");
            }
            String headers = new String(body, pos, headersEnd - pos, StandardCharsets.UTF_8);
            parts.add(new Part(param(headers, "name"), param(headers, "filename"),
                    Arrays.copyOfRange(body, headersEnd + 4, end)));
            pos = end + next.length;
        }
        return parts;
    }

    private static String param(String headers, String key) {
        for (String line : headers.split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                continue;
            }
            for (String p : line.split(";")) {
                String t = p.strip();
                if (t.startsWith(key + "=")) {
                    return t.substring(key.length() + 1).replace("\"", "");
                }
            }
        }
        return null;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

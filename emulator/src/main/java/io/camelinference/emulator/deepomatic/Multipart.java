package io.camelinference.emulator.deepomatic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A small multipart/form-data parser for request bodies the emulator has in memory (images, a few fields). */
final class Multipart {

    /** One part: its form field name, the file name when it is a file, and its bytes. */
    record Part(String name, String fileName, String contentType, byte[] data) {

        String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private Multipart() {
    }

    static String boundary(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                return b;
            }
        }
        throw new IllegalArgumentException("Multipart form parse error - Invalid boundary in multipart: None");
    }

    static List<Part> parse(byte[] body, String contentType) {
        String boundary = boundary(contentType);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] between = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw new IllegalArgumentException("Multipart form parse error - the body has no part delimited by the"
                    + " boundary of its Content-Type");
        }
        pos += delimiter.length;
        while (true) {
            if (startsWith(body, pos, "--")) {
                return parts;
            }
            if (startsWith(body, pos, "\r\n")) {
                pos += 2;
            }
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
            if (headerEnd < 0) {
                throw new IllegalArgumentException("Multipart form parse error - a part has no header end");
            }
            String headers = new String(body, pos, headerEnd - pos, StandardCharsets.UTF_8);
            int dataStart = headerEnd + 4;
            int next = indexOf(body, between, dataStart);
            if (next < 0) {
                throw new IllegalArgumentException("Multipart form parse error - the body ends without a closing"
                        + " boundary");
            }
            parts.add(part(headers, Arrays.copyOfRange(body, dataStart, next)));
            pos = next + between.length;
        }
    }

    private static Part part(String headers, byte[] data) {
        String name = null;
        String fileName = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                name = param(value, "name");
                fileName = param(value, "filename");
            } else if (header.equals("content-type")) {
                type = value;
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("Multipart form parse error - a part has no name");
        }
        return new Part(name, fileName, type, data);
    }

    private static String param(String disposition, String key) {
        for (String p : disposition.split(";")) {
            String t = p.trim();
            if (t.startsWith(key + "=")) {
                String v = t.substring(key.length() + 1);
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] body, int pos, String s) {
        if (pos + s.length() > body.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (body[pos + i] != (byte) s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
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

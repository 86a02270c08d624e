package io.camelinference.common.component;

import java.nio.file.Path;

/**
 * Turns a file name chosen by a service into a path that cannot leave the target directory: separators, {@code ..},
 * drive letters and control characters are stripped, so {@code ../../x} becomes {@code x} inside the directory.
 */
public final class SafeFileNames {

    private SafeFileNames() {
    }

    public static Path resolveInside(Path directory, String serviceName) {
        Path dir = directory.toAbsolutePath().normalize();
        Path target = dir.resolve(sanitize(serviceName)).normalize();
        if (!target.startsWith(dir) || target.equals(dir)) {
            throw new IllegalArgumentException("File name '" + serviceName + "' from the service does not name a file"
                    + " inside " + dir);
        }
        return target;
    }

    public static String sanitize(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        int slash = base.lastIndexOf('/');
        if (slash >= 0) {
            base = base.substring(slash + 1);
        }
        StringBuilder clean = new StringBuilder(base.length());
        for (char c : base.toCharArray()) {
            if (c >= 32 && c != ':' && c != 127) {
                clean.append(c);
            }
        }
        String result = clean.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        return result.isEmpty() ? "download" : result;
    }
}

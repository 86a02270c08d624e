package io.camelinference.emulator.internal;

import java.util.regex.Pattern;

/** Glob on request paths: {@code *} matches within one segment, {@code **} across segments. */
public final class PathGlob {

    private final String glob;
    private final Pattern pattern;

    public PathGlob(String glob) {
        this.glob = glob;
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    re.append(".*");
                    i += 2;
                    continue;
                }
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        this.pattern = Pattern.compile(re.toString());
    }

    public boolean matches(String path) {
        return pattern.matcher(path).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}

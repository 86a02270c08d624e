package io.camelinference.emulator.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Streaming text statistics in bounded memory: bytes, lines and words of the whole input; the most frequent words of
 * the first {@link #TOP_WORDS_WINDOW} bytes (at most {@link #MAX_DISTINCT} distinct words); the first sentence and the
 * first {@link #HEAD_BYTES} bytes as text. Works on inputs of any size (even without line breaks).
 */
public final class TextStats {

    public static final int HEAD_BYTES = 10 * 1024;
    public static final long TOP_WORDS_WINDOW = 16L * 1024 * 1024;
    public static final int MAX_DISTINCT = 50_000;
    private static final int MAX_WORD = 48;
    private static final Set<String> STOP = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on", "is", "it",
            "for", "with", "as", "at", "by", "be", "was", "are", "this", "that", "from", "i", "we", "you", "he", "she",
            "they", "its", "his", "her", "their", "our", "not", "but", "so", "if", "no", "have", "has", "had");

    /** The result. {@code topWords} is sorted by count descending, then word. */
    public record Report(long bytes, long lines, long words, List<Map.Entry<String, Long>> topWords, String firstSentence,
                         String head, boolean topWordsSampled) {

        /** A short human-readable report. */
        public String render(String label, double probability) {
            StringBuilder sb = new StringBuilder();
            sb.append("Summary report\n");
            sb.append("bytes: ").append(bytes).append('\n');
            sb.append("lines: ").append(lines).append('\n');
            sb.append("words: ").append(words).append('\n');
            sb.append("top words").append(topWordsSampled ? " (first 16 MiB)" : "").append(": ");
            for (int i = 0; i < topWords.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(topWords.get(i).getKey()).append(" (").append(topWords.get(i).getValue()).append(')');
            }
            sb.append('\n');
            sb.append("first sentence: ").append(firstSentence).append('\n');
            sb.append("sentiment: ").append(label).append(String.format(Locale.ROOT, " (%.4f)", probability)).append('\n');
            return sb.toString();
        }
    }

    private static final byte OTHER = 0;
    private static final byte WORD = 1;
    private static final byte APOS = 2;
    private static final byte NEWLINE = 3;
    private static final byte[] CLASS = new byte[256];

    static {
        for (int b = 0; b < 256; b++) {
            boolean word = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b >= 0x80;
            CLASS[b] = word ? WORD : b == '\'' ? APOS : b == '\n' ? NEWLINE : OTHER;
        }
    }

    private TextStats() {
    }

    public static Report analyze(InputStream in, int topN) throws IOException {
        byte[] buf = new byte[64 * 1024];
        byte[] head = new byte[HEAD_BYTES];
        int headLen = 0;
        byte[] word = new byte[MAX_WORD];
        int wordLen = 0;
        boolean inWord = false;
        boolean sampledLast = false;
        long bytes = 0;
        long lines = 0;
        long words = 0;
        byte last = '\n';
        Map<String, long[]> counts = new HashMap<>();
        int n;
        while ((n = in.read(buf)) > 0) {
            if (headLen < HEAD_BYTES) {
                int c = Math.min(n, HEAD_BYTES - headLen);
                System.arraycopy(buf, 0, head, headLen, c);
                headLen += c;
            }
            sampledLast = bytes < TOP_WORDS_WINDOW;
            if (!sampledLast) {
                // fast path past the sampling window: only lines and word starts
                for (int i = 0; i < n; i++) {
                    int cls = CLASS[buf[i] & 0xff];
                    if (cls == WORD || (cls == APOS && inWord)) {
                        if (!inWord) {
                            inWord = true;
                            words++;
                        }
                    } else {
                        inWord = false;
                        if (cls == NEWLINE) {
                            lines++;
                        }
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    int cls = CLASS[b & 0xff];
                    if (cls == WORD || (cls == APOS && inWord)) {
                        if (!inWord) {
                            inWord = true;
                            words++;
                            wordLen = 0;
                        }
                        if (wordLen < MAX_WORD) {
                            word[wordLen++] = (b >= 'A' && b <= 'Z') ? (byte) (b + 32) : b;
                        }
                    } else {
                        if (inWord) {
                            inWord = false;
                            count(counts, word, wordLen);
                        }
                        if (cls == NEWLINE) {
                            lines++;
                        }
                    }
                }
            }
            bytes += n;
            last = buf[n - 1];
        }
        if (inWord && sampledLast) {
            count(counts, word, wordLen);
        }
        if (bytes > 0 && last != '\n') {
            lines++;
        }
        List<Map.Entry<String, Long>> top = new ArrayList<>();
        counts.forEach((k, v) -> top.add(Map.entry(k, v[0])));
        top.sort(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        String headText = new String(head, 0, headLen, StandardCharsets.UTF_8);
        return new Report(bytes, lines, words, List.copyOf(top.subList(0, Math.min(topN, top.size()))),
                firstSentence(headText), headText, bytes > TOP_WORDS_WINDOW);
    }

    private static void count(Map<String, long[]> counts, byte[] word, int len) {
        // strip trailing apostrophes
        while (len > 0 && word[len - 1] == '\'') {
            len--;
        }
        if (len < 2) {
            return;
        }
        String w = new String(word, 0, len, StandardCharsets.UTF_8);
        if (STOP.contains(w)) {
            return;
        }
        long[] c = counts.get(w);
        if (c != null) {
            c[0]++;
        } else if (counts.size() < MAX_DISTINCT) {
            counts.put(w, new long[] {1});
        }
    }

    static String firstSentence(String text) {
        String t = text.strip();
        int end = -1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && (i + 1 == t.length() || Character.isWhitespace(t.charAt(i + 1)))) {
                end = i + 1;
                break;
            }
        }
        String s = end < 0 ? t : t.substring(0, end);
        s = s.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}

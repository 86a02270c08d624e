package io.camelinference.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Builds the Markdown report: paragraphs, key/value lists and tables. */
final class Report {

    private final StringBuilder text = new StringBuilder();

    Report heading(int level, String title) {
        text.append("#".repeat(level)).append(' ').append(title).append("\n\n");
        return this;
    }

    Report paragraph(String paragraph) {
        text.append(paragraph).append("\n\n");
        return this;
    }

    /** Appends Markdown written elsewhere (a forked scenario's section). */
    Report append(String markdown) {
        text.append(markdown.strip()).append("\n\n");
        return this;
    }

    Report item(String key, String value) {
        text.append("- ").append(key).append(": ").append(value).append('\n');
        return this;
    }

    Report endList() {
        text.append('\n');
        return this;
    }

    Report code(String code) {
        text.append("```\n").append(code).append("\n```\n\n");
        return this;
    }

    Report table(List<String> header, List<List<String>> rows) {
        row(header);
        text.append('|');
        header.forEach(h -> text.append("---|"));
        text.append('\n');
        rows.forEach(this::row);
        text.append('\n');
        return this;
    }

    private void row(List<String> cells) {
        text.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    /** A number with a fixed count of decimals and thousands separators. */
    static String num(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** A ratio component/raw, e.g. {@code 0.93x}. */
    static String ratio(double component, double raw) {
        return String.format(Locale.ROOT, "%.2fx", component / raw);
    }

    /** A ratio already computed, e.g. {@code 0.93x}. */
    static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    Path writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}

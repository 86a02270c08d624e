package io.camelinference.emulator.labelstudio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * Reads the task files of an import as Label Studio does: JSON (a list of tasks or one task), CSV and TSV (a header
 * row names the data fields), and TXT (one task per line, for projects whose config reads one data field).
 */
final class TaskFiles {

    private TaskFiles() {
    }

    /** The file's items (each a task, or a task's data), and its format (e.g. {@code .csv}). */
    static List<JsonNode> read(MultipartForm.Part part, LabelConfig config) {
        String name = part.fileName() == null ? "" : part.fileName().toLowerCase(Locale.ROOT);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
        return switch (extension) {
            case ".json" -> json(part.text(), part.fileName());
            case ".csv" -> table(part.text(), ',');
            case ".tsv" -> table(part.text(), '\t');
            case ".txt" -> lines(part.text(), config);
            default -> throw LsErrors.ValidationFailure.field("file", "The file " + part.fileName() + " is not a"
                    + " supported task file: the emulated Label Studio imports .json, .csv, .tsv and .txt files.");
        };
    }

    static String format(MultipartForm.Part part) {
        String name = part.fileName() == null ? "" : part.fileName().toLowerCase(Locale.ROOT);
        return name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
    }

    /** A JSON body or file: a list of items or a single item. */
    static List<JsonNode> json(String text, String what) {
        JsonNode parsed;
        try {
            parsed = Json.parseOrThrow(text);
        } catch (IllegalArgumentException e) {
            throw LsErrors.ValidationFailure.field("non_field_errors", "Can't parse " + what + ": "
                    + e.getMessage());
        }
        List<JsonNode> items = new ArrayList<>();
        if (parsed.isArray()) {
            parsed.forEach(items::add);
        } else {
            items.add(parsed);
        }
        return items;
    }

    private static List<JsonNode> table(String text, char separator) {
        List<List<String>> rows = Csv.parse(text, separator);
        List<JsonNode> items = new ArrayList<>();
        if (rows.isEmpty()) {
            return items;
        }
        List<String> header = rows.get(0);
        for (List<String> row : rows.subList(1, rows.size())) {
            ObjectNode data = Json.object();
            for (int i = 0; i < header.size(); i++) {
                data.put(header.get(i), i < row.size() ? row.get(i) : "");
            }
            items.add(data);
        }
        return items;
    }

    private static List<JsonNode> lines(String text, LabelConfig config) {
        List<String> keys = config.dataKeys();
        if (keys.size() != 1) {
            throw LsErrors.ValidationFailure.field("file", "TXT files are supported for projects with one data"
                    + " source only; this label config reads " + keys);
        }
        List<JsonNode> items = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (!line.isBlank()) {
                items.add(Json.object().put(keys.get(0), line));
            }
        }
        return items;
    }

    /** Quoted fields with doubled quotes, as the csv module writes them. */
    static final class Csv {
        private Csv() {
        }

        static List<List<String>> parse(String text, char separator) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"' && field.length() == 0) {
                    quoted = true;
                } else if (c == separator) {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    if (!(row.size() == 1 && row.get(0).isEmpty())) {
                        rows.add(row);
                    }
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}

package io.camelinference.annolab.operation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.annolab.model.AnnoLabAnnotation;
import io.camelinference.annolab.model.AnnoLabAnnotationType;
import io.camelinference.annolab.model.AnnoLabExport;
import io.camelinference.annolab.model.AnnoLabLayer;
import io.camelinference.annolab.model.AnnoLabRelation;
import io.camelinference.annolab.model.AnnotationJson;
import io.camelinference.annolab.model.ExportedSource;
import io.camelinference.common.archive.ZipEntries;
import io.camelinference.common.json.Json;

/**
 * Reads a downloaded AnnoLab project export, in the layout the SDK's importer ({@code project_import.py}) reads: the
 * JSON-lines files at the zip's root, {@code *.sources.jsonl}, {@code *.text-bounds.jsonl},
 * {@code *.annotations.jsonl}, {@code *.relations.jsonl}, {@code *.layers.jsonl} and {@code *.atntypes.jsonl}, each
 * optional. Streaming: entry by entry from the file, line by line; the PDF files under their directories are skipped
 * unread, the archive is never held in memory (only the records read from it).
 */
public final class ExportArchive {

    private ExportArchive() {
    }

    /** The annotations, each with its source's name and directory. */
    public static List<AnnoLabAnnotation> annotations(Path zip) throws IOException {
        return read(zip).annotations();
    }

    /** Everything the export's JSON-lines files hold. */
    public static AnnoLabExport read(Path zip) throws IOException {
        Map<Long, ExportedSource> sources = new HashMap<>();
        List<ExportedSource> sourceOrder = new ArrayList<>();
        Map<Long, JsonNode> bounds = new HashMap<>();
        List<AnnotationJson> annotations = new ArrayList<>();
        List<AnnoLabRelation> relations = new ArrayList<>();
        List<AnnoLabLayer> layers = new ArrayList<>();
        List<AnnoLabAnnotationType> types = new ArrayList<>();
        ZipEntries.forEach(zip, (name, content) -> {
            if (name.contains("/") || !name.endsWith(".jsonl")) {
                return;
            }
            if (name.endsWith(".sources.jsonl")) {
                lines(content, name, ExportedSource.class, s -> {
                    sources.put(s.sourceId(), s);
                    sourceOrder.add(s);
                });
            } else if (name.endsWith(".text-bounds.jsonl")) {
                lines(content, name, JsonNode.class, b -> bounds.put(b.path("sourceId").asLong(), b.get("textBounds")));
            } else if (name.endsWith(".annotations.jsonl")) {
                lines(content, name, AnnotationJson.class, annotations::add);
            } else if (name.endsWith(".relations.jsonl")) {
                lines(content, name, AnnoLabRelation.class, relations::add);
            } else if (name.endsWith(".layers.jsonl")) {
                lines(content, name, AnnoLabLayer.class, layers::add);
            } else if (name.endsWith(".atntypes.jsonl")) {
                lines(content, name, AnnoLabAnnotationType.class, types::add);
            }
        });
        List<ExportedSource> withBounds = sourceOrder.stream()
                .map(s -> bounds.containsKey(s.sourceId()) ? s.withTextBounds(bounds.get(s.sourceId())) : s).toList();
        List<AnnoLabAnnotation> records = annotations.stream()
                .map(a -> a.toAnnotation(sources.get(a.sourceId()))).toList();
        return new AnnoLabExport(withBounds, records, relations, layers, types);
    }

    /** Hands each non-blank line, read as the type, to the sink; a bad line fails naming the entry and line. */
    private static <T> void lines(InputStream content, String entry, Class<T> type,
                                  java.util.function.Consumer<T> sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
        int number = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                sink.accept(Json.mapper().readValue(line, type));
            } catch (IOException e) {
                throw new IOException("Line " + number + " of " + entry + " is not a " + type.getSimpleName() + ": "
                        + e.getMessage(), e);
            }
        }
    }
}

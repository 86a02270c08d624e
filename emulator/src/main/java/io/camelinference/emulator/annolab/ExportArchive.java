package io.camelinference.emulator.annolab;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * The zip of a project export, in the layout the SDK's importer ({@code annolab/project_import.py}) reads back: at the
 * root, JSON-lines files named {@code <project>.<kind>.jsonl}, and the PDF files of the sources under
 * {@code <directoryName>/<sourceName>}:
 * <ul>
 * <li>{@code .sources.jsonl} ({@code includeSources}): {@code sourceId, sourceName, directoryName, type, text};</li>
 * <li>{@code .text-bounds.jsonl} ({@code includeTextBounds}): {@code sourceId, textBounds} of each PDF source;</li>
 * <li>{@code .atntypes.jsonl} ({@code includeAnnotationTypes}): {@code name, color, category, isRelation,
 * isDocumentClassification};</li>
 * <li>{@code .layers.jsonl}: {@code name, isGoldSet, description};</li>
 * <li>{@code .annotations.jsonl}: {@code id, sourceId, typeName, value, offsets, textBounds, imageBounds, layerName,
 * pageNumber, endPageNumber} (and the names and ids beside them);</li>
 * <li>{@code .relations.jsonl}: {@code predecessorId, successorId, typeName, value} between exported annotations.</li>
 * </ul>
 * A layer filter keeps the annotations, layers and relations of those layers only.
 */
final class ExportArchive {

    private ExportArchive() {
    }

    static void write(Path zip, ExportRun run, List<Source> selected, AnnotationStore store) throws IOException {
        Files.createDirectories(zip.getParent());
        Project p = run.project;
        String prefix = safe(p.name);
        List<Annotation> annotations = new ArrayList<>();
        for (Source s : selected) {
            for (Annotation a : store.annotations(s.id())) {
                if (run.layerNames == null || run.layerNames.contains(a.layer().name())) {
                    annotations.add(a);
                }
            }
        }
        Set<Long> exported = new HashSet<>();
        annotations.forEach(a -> exported.add(a.id()));
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            if (run.includeSources) {
                lines(z, prefix + ".sources.jsonl", selected.stream().map(Source::toExportJson).toList());
            }
            if (run.includeTextBounds) {
                lines(z, prefix + ".text-bounds.jsonl", selected.stream().filter(s -> s.textBounds() != null)
                        .map(ExportArchive::bounds).toList());
            }
            if (run.includeAnnotationTypes) {
                lines(z, prefix + ".atntypes.jsonl", p.types.values().stream()
                        .sorted(Comparator.comparingLong(AnnotationType::id)).map(AnnotationType::toExportJson)
                        .toList());
            }
            lines(z, prefix + ".layers.jsonl", p.layers.values().stream()
                    .filter(l -> run.layerNames == null || run.layerNames.contains(l.name()))
                    .sorted(Comparator.comparingLong(Layer::id)).map(Layer::toExportJson).toList());
            lines(z, prefix + ".annotations.jsonl", annotations.stream().map(Annotation::toJson).toList());
            lines(z, prefix + ".relations.jsonl", store.relations(p).stream()
                    .filter(r -> exported.contains(r.predecessorId()) && exported.contains(r.successorId()))
                    .map(Relation::toJson).toList());
            if (run.includeSources) {
                for (Source s : selected) {
                    if (s.file() != null && Files.exists(s.file())) {
                        z.putNextEntry(new ZipEntry(segment(s.directory().name()) + "/" + segment(s.name())));
                        Files.copy(s.file(), z);
                        z.closeEntry();
                    }
                }
            }
        }
    }

    private static ObjectNode bounds(Source s) {
        ObjectNode n = Json.object();
        n.put("sourceId", s.id());
        n.set("textBounds", s.textBounds());
        return n;
    }

    private static void lines(ZipOutputStream z, String name, List<? extends JsonNode> records) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        for (JsonNode r : records) {
            z.write(Json.MAPPER.writeValueAsBytes(r));
            z.write('\n');
        }
        z.closeEntry();
    }

    /** A project name as the start of a file name: no path separators, no leading dots. */
    private static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._ -]", "_").replaceAll("^\\.+", "_");
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    /** A directory or source name as one path segment of an entry (the importer joins them as they are). */
    private static String segment(String name) {
        String s = name.replace('/', '_').replace('\\', '_');
        return s.equals(".") || s.equals("..") ? "_" + s : s;
    }
}

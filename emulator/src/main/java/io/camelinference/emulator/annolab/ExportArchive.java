package io.camelinference.emulator.annolab;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * The zip of a project export: {@code export.json} (manifest), {@code sources/<id>/<name>.txt},
 * {@code annotations/<id>.json} and {@code annotation-types.json}, filtered by the export's layers.
 */
final class ExportArchive {

    private ExportArchive() {
    }

    static void write(Path zip, ExportRun run, List<Source> selected, LongFunction<List<Annotation>> annotations)
            throws IOException {
        Files.createDirectories(zip.getParent());
        Set<String> types = new TreeSet<>();
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            entry(z, "export.json", Json.bytes(manifest(run, selected)));
            for (Source s : selected) {
                if (run.includeSources) {
                    entry(z, "sources/" + s.id() + "/" + safe(s.name()) + (s.name().endsWith(".txt") ? "" : ".txt"),
                            s.text().getBytes(StandardCharsets.UTF_8));
                }
                ObjectNode doc = Json.object();
                doc.put("sourceId", s.id());
                doc.put("sourceName", s.name());
                doc.put("directoryName", s.directory().name());
                doc.put("type", s.type());
                ArrayNode list = doc.putArray("annotations");
                for (Annotation a : annotations.apply(s.id())) {
                    if (run.layerNames != null && !run.layerNames.contains(a.layer().name())) {
                        continue;
                    }
                    types.add(a.span().type());
                    list.add(a.toJson(s));
                }
                entry(z, "annotations/" + s.id() + ".json", Json.bytes(doc));
            }
            if (run.includeAnnotationTypes) {
                ArrayNode typeList = Json.array();
                types.forEach(t -> typeList.addObject().put("name", t));
                entry(z, "annotation-types.json", Json.bytes(typeList));
            }
        }
    }

    private static ObjectNode manifest(ExportRun run, List<Source> selected) {
        ObjectNode manifest = Json.object();
        manifest.put("projectName", run.project.name);
        manifest.put("projectId", run.project.id);
        manifest.put("groupName", run.project.group);
        manifest.put("exportedAt", Instant.now().toString());
        ArrayNode ids = manifest.putArray("sourceIds");
        selected.forEach(s -> ids.add(s.id()));
        ArrayNode layers = manifest.putArray("annotationLayerNames");
        if (run.layerNames != null) {
            run.layerNames.forEach(layers::add);
        }
        return manifest;
    }

    private static void entry(ZipOutputStream z, String name, byte[] data) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(data);
        z.closeEntry();
    }

    /** A source name as a zip entry name: no path separators, no leading dots. */
    private static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._ -]", "_").replaceAll("^\\.+", "_");
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}

package io.camelinference.emulator.annolab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.InferenceEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.camelinference.emulator.annolab.AnnoLabCalls.jsonl;
import static io.camelinference.emulator.annolab.AnnoLabCalls.map;
import static io.camelinference.emulator.annolab.AnnoLabCalls.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An export made by the emulator is read back by the SDK's own import logic ({@code AnnoLab.create_project_from_export}
 * and {@code Project.update_from_export}, {@code annolab/project_import.py}), transcribed call by call with the bodies
 * the SDK sends, and the new project exports the same sources, annotations, relations, layers and types.
 */
class AnnoLabSdkImportTest {

    static final String KEY = "annolab-import-key";
    static final String LETTER = "Dear Ms. Alvarez,\nWonka Industries will deliver for Northwind Traders on April 15,"
            + " 2025 at $8,750.00.\nSincerely";

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension(InferenceEmulator.builder().apiKey(KEY)
            .slowModelMillis(100));

    final AnnoLabCalls calls = new AnnoLabCalls(emulator, KEY);

    @TempDir
    Path temp;

    @Test
    void anExportOfTheEmulatorReImportsWithTheSdksImporterIntoTheSameAnnotations() throws Exception {
        // the original: a text source annotated by a model and by hand (with relations), a PDF classified by pages
        long letter = calls.text("demo", "contracts", "letter.txt", LETTER);
        Path pdf = AnnoLabApiTest.writePdf(temp.resolve("bundle.pdf"), "INVOICE 7 - Amount due $40.00 - Bill to Hooli",
                "This Agreement between the parties, hereinafter Initech");
        long bundle = calls.pdf("demo", "contracts", "Scans", "bundle.pdf", pdf, Map.of()).get("id").asLong();
        infer("Entity Annotator", "Predictions", letter);
        infer(DocumentClassifier.NAME, "Documents", bundle);
        calls.ok(calls.post("/v1/annotation-type/create", map("projectIdentifier", "contracts", "groupName", "demo",
                "typeName", "Supplies", "color", "#00aa00", "isRelation", true)));
        calls.ok(calls.post("/v1/layer/create", map("projectIdentifier", "contracts", "groupName", "demo",
                "layerName", "Reviewed", "isGold", true, "description", "checked by hand")));
        calls.ok(calls.post(path("v1", "source", "demo", "contracts", "Uploads", "letter.txt", "annotations"), map(
                "annotations", List.of(
                        map("annoTypeIdentifier", "Supplier", "clientId", "s", "offsets", List.of(18, 34),
                                "value", "Wonka", "layerIdentifier", "Reviewed", "isReviewed", true),
                        map("annoTypeIdentifier", "Customer", "clientId", "c", "offsets", List.of(52, 69),
                                "layerIdentifier", "Reviewed")),
                "relations", List.of(map("predecessorId", "s", "successorId", "c", "annoTypeIdentifier", "Supplies",
                        "value", "weekly")))));

        Path export = temp.resolve("contracts-copy.zip");
        Files.write(export, zip(calls.export(map("projectIdentifier", "contracts", "groupName", "demo",
                "includeAnnotationTypes", true, "includeSources", true, "includeTextBounds", true))));

        JsonNode project = createProjectFromExport(export);
        assertThat(project.get("name").asText()).isEqualTo("contracts-copy");

        Map<String, byte[]> original = calls.export(fullExport("contracts", "demo"));
        Map<String, byte[]> copy = calls.export(fullExport("contracts-copy", project.get("groupName").asText()));
        assertSameProject(original, copy);
        assertThat(copy.get("Scans/bundle.pdf")).isEqualTo(Files.readAllBytes(pdf));
        assertThat(jsonl(copy, ".annotations.jsonl")).hasSize(jsonl(original, ".annotations.jsonl").size())
                .hasSizeGreaterThan(5);
        assertThat(jsonl(copy, ".relations.jsonl")).hasSize(1);

        // update_from_export(skip_sources=True) again: preventDuplication keeps it from adding a second copy
        importAll(export, project, true);
        assertSameProject(original, calls.export(fullExport("contracts-copy", project.get("groupName").asText())));
    }

    private static Map<String, Object> fullExport(String project, String group) {
        return map("projectIdentifier", project, "groupName", group, "includeAnnotationTypes", true,
                "includeSources", true, "includeTextBounds", true);
    }

    private void infer(String model, String layer, long source) throws Exception {
        long job = calls.ok(calls.post("/v1/infer/batch", map("projectIdentifier", "contracts", "groupName", "demo",
                "modelIdentifier", model, "sourceIds", List.of(source), "outputLayerIdentifier", layer)))
                .get("inferenceJobId").asLong();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> calls.ok(
                calls.get("/v1/infer/batch/" + job)).get("status").asText().equals("Finished"));
    }

    // ---- the SDK's create_project_from_export, call by call --------------------------------------------------------

    /** {@code AnnoLab.create_project_from_export(filepath)}: a project named after the file, in the default owner. */
    private JsonNode createProjectFromExport(Path export) throws Exception {
        String owner = null;
        for (JsonNode g : calls.ok(calls.get("/v1/api-key/info")).get("groups")) {
            if (g.get("isSingleUser").asBoolean()) {
                owner = g.get("groupName").asText();
            }
        }
        String name = export.getFileName().toString().split("\\.")[0];
        JsonNode project = calls.ok(calls.post("/v1/project/create", map("name", name, "groupName", owner,
                "isPublic", false)));
        importAll(export, project, false);
        return project;
    }

    /** {@code ProjectImport.import_all()} (or, skipping sources, {@code update_from_export(skip_sources=True)}). */
    private void importAll(Path export, JsonNode project, boolean skipSources) throws Exception {
        Map<String, byte[]> zip = unzip(export);
        long id = project.get("id").asLong();
        String owner = project.get("groupName").asText();
        Map<Long, String[]> sourceMap = new HashMap<>();
        for (JsonNode s : jsonl(zip, ".sources.jsonl")) {
            String[] nameAndDirectory = {s.get("sourceName").asText(), s.get("directoryName").asText()};
            sourceMap.put(s.get("sourceId").asLong(), nameAndDirectory);
            if (!skipSources) {
                createSource(zip, s, id, owner);
            }
        }
        for (JsonNode t : jsonl(zip, ".atntypes.jsonl")) {
            skipConflict(calls.post("/v1/annotation-type/create", map("category", t.get("category"),
                    "projectIdentifier", id, "typeName", t.get("name"), "color", t.get("color"),
                    "isRelation", t.get("isRelation"), "isDocumentClassification", t.get("isDocumentClassification"))));
        }
        for (JsonNode l : jsonl(zip, ".layers.jsonl")) {
            skipConflict(calls.post("/v1/layer/create", map("projectIdentifier", id, "layerName", l.get("name"),
                    "isGold", l.get("isGoldSet"), "description", l.get("description"))));
        }
        Map<String, JsonNode> annotationMap = new HashMap<>();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (JsonNode a : jsonl(zip, ".annotations.jsonl")) {
            String[] source = sourceMap.get(a.get("sourceId").asLong());
            if (source == null) {
                continue;
            }
            batch.add(map("annoTypeIdentifier", a.get("typeName"), "clientId", a.get("id").asText(),
                    "offsets", a.get("offsets"), "value", a.get("value"), "textBounds", a.get("textBounds"),
                    "imageBounds", a.get("imageBounds"), "layerIdentifier", a.get("layerName"),
                    "pageNumber", a.get("pageNumber"), "endPageNumber", a.get("endPageNumber"),
                    "sourceIdentifier", source[0], "directoryIdentifier", source[1], "projectIdentifier", id));
            if (batch.size() >= 500) {
                insert(batch, annotationMap);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            insert(batch, annotationMap);
        }
        List<Map<String, Object>> relations = new ArrayList<>();
        for (JsonNode r : jsonl(zip, ".relations.jsonl")) {
            relations.add(map("predecessorId", annotationMap.get(r.get("predecessorId").asText()).get("id").asText(),
                    "successorId", annotationMap.get(r.get("successorId").asText()).get("id").asText(),
                    "annoTypeIdentifier", r.get("typeName"), "value", r.get("value"), "projectIdentifier", id));
        }
        if (!relations.isEmpty()) {
            calls.ok(calls.post("/v1/relation/bulk-create", map("relations", relations, "preventDuplication", true)));
        }
    }

    /** {@code ProjectImport.create_source}: text inline; a PDF from its file with the export's text and bounds. */
    private void createSource(Map<String, byte[]> zip, JsonNode s, long project, String owner) throws Exception {
        String name = s.get("sourceName").asText();
        String directory = s.get("directoryName").asText();
        if (s.get("type").asText().equals("text")) {
            skipConflict(calls.post("/v1/source/create-text", map("projectIdentifier", project, "groupName", owner,
                    "sourceName", name, "text", s.get("text").asText(), "directoryIdentifier", directory)));
            return;
        }
        JsonNode bounds = null;
        for (JsonNode b : jsonl(zip, ".text-bounds.jsonl")) {
            if (b.get("sourceId").asLong() == s.get("sourceId").asLong()) {
                bounds = b;
            }
        }
        assertThat(bounds).as("the importer fails without the PDF's text bounds").isNotNull();
        byte[] file = zip.get(directory + "/" + name);
        assertThat(file).as("the PDF under its directory and name").isNotNull();
        Path local = Files.write(temp.resolve("import-" + name), file);
        calls.pdf(owner, project, directory, name, local, map("sourceText", s.get("text").asText(),
                "textBounds", bounds.get("textBounds")));
    }

    private void insert(List<Map<String, Object>> batch, Map<String, JsonNode> annotationMap) throws Exception {
        for (JsonNode created : calls.ok(calls.post("/v1/annotation/bulk-create", map("annotations", batch,
                "preventDuplication", true)))) {
            annotationMap.put(created.get("clientId").asText(), created);
        }
    }

    private void skipConflict(java.net.http.HttpResponse<String> r) throws IOException {
        if (r.statusCode() != 409) {
            calls.ok(r);
        }
    }

    // ---- comparison ----------------------------------------------------------------------------------------------

    /** Ids differ between the projects; everything else is the same. */
    private static void assertSameProject(Map<String, byte[]> a, Map<String, byte[]> b) throws IOException {
        assertThat(sources(b)).containsExactlyInAnyOrderElementsOf(sources(a));
        assertThat(annotations(b)).containsExactlyInAnyOrderElementsOf(annotations(a));
        assertThat(relations(b)).containsExactlyInAnyOrderElementsOf(relations(a));
        assertThat(names(b, ".layers.jsonl", "name", "isGoldSet", "description"))
                .containsExactlyInAnyOrderElementsOf(names(a, ".layers.jsonl", "name", "isGoldSet", "description"));
        assertThat(names(b, ".atntypes.jsonl", "name", "color", "isRelation", "isDocumentClassification"))
                .containsExactlyInAnyOrderElementsOf(names(a, ".atntypes.jsonl", "name", "color", "isRelation",
                        "isDocumentClassification"));
    }

    private static List<String> sources(Map<String, byte[]> zip) throws IOException {
        Map<Long, String> bounds = new HashMap<>();
        for (JsonNode b : jsonl(zip, ".text-bounds.jsonl")) {
            bounds.put(b.get("sourceId").asLong(), b.get("textBounds").toString());
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : jsonl(zip, ".sources.jsonl")) {
            out.add(s.get("directoryName").asText() + "/" + s.get("sourceName").asText() + "|" + s.get("type").asText()
                    + "|" + s.get("text").asText() + "|" + bounds.get(s.get("sourceId").asLong()));
        }
        return out;
    }

    private static List<String> annotations(Map<String, byte[]> zip) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode a : jsonl(zip, ".annotations.jsonl")) {
            out.add(describe(a));
        }
        return out;
    }

    private static String describe(JsonNode a) {
        return a.get("directoryName").asText() + "/" + a.get("sourceName").asText() + "|" + a.get("typeName").asText()
                + "|" + a.get("value") + "|" + a.get("offsets") + "|" + a.get("layerName").asText() + "|"
                + a.get("pageNumber") + "-" + a.get("endPageNumber") + "|" + a.get("textBounds");
    }

    private static List<String> relations(Map<String, byte[]> zip) throws IOException {
        Map<Long, String> byId = new HashMap<>();
        for (JsonNode a : jsonl(zip, ".annotations.jsonl")) {
            byId.put(a.get("id").asLong(), describe(a));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode r : jsonl(zip, ".relations.jsonl")) {
            out.add(byId.get(r.get("predecessorId").asLong()) + " -> " + byId.get(r.get("successorId").asLong()) + "|"
                    + r.get("typeName") + "|" + r.get("value"));
        }
        return out;
    }

    private static List<String> names(Map<String, byte[]> zip, String suffix, String... fields) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode n : jsonl(zip, suffix)) {
            StringBuilder b = new StringBuilder();
            for (String f : fields) {
                b.append(n.get(f)).append('|');
            }
            out.add(b.toString());
        }
        return out;
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}

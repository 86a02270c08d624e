package io.camelinference.emulator.annolab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import io.camelinference.emulator.InferenceEmulator;
import io.camelinference.emulator.spi.JobFault;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The emulated AnnoLab v1 API, over HTTP, as a client of the real service would see it. */
class AnnoLabApiTest {

    static final String KEY = "annolab-secret";
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension(InferenceEmulator.builder().apiKey(KEY)
            .slowModelMillis(150));

    @TempDir
    Path temp;

    // ------------------------------------------------------------------------------------------------ auth, projects

    @Test
    void theApiKeySchemeIsMatchedCaseInsensitivelyAndErrorsAreMessages() throws Exception {
        assertThat(send("GET", "/v1/api-key/info", null, "Api-Key " + KEY).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/v1/api-key/info", null, "api-key " + KEY).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/v1/api-key/info", null, "API-KEY   " + KEY).statusCode()).isEqualTo(200);

        HttpResponse<String> none = send("GET", "/v1/api-key/info", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).get("message").asText()).contains("Api-Key");
        HttpResponse<String> wrong = send("GET", "/v1/project/demo/contracts", null, "Api-Key nope-123");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).get("message").asText()).isEqualTo("Invalid API key").doesNotContain("nope-123");
        assertThat(send("GET", "/v1/api-key/info", null, "Bearer " + KEY).statusCode()).isEqualTo(401);
    }

    @Test
    void theDemoProjectExistsAndProjectsCanBeCreatedAndFound() throws Exception {
        JsonNode info = json(get("/v1/api-key/info"));
        assertThat(info.at("/groups/0/groupName").asText()).isEqualTo("demo");
        assertThat(info.at("/groups/0/isSingleUser").asBoolean()).isFalse();
        // the SDK's default_owner: the group with isSingleUser true (create_project and find_project use it)
        assertThat(info.at("/groups/1/groupName").asText()).isEqualTo(AnnoLabProvider.USER_GROUP);
        assertThat(info.at("/groups/1/isSingleUser").isBoolean()).isTrue();
        assertThat(info.at("/groups/1/isSingleUser").asBoolean()).isTrue();

        JsonNode demo = json(get("/v1/project/demo/contracts"));
        assertThat(demo.get("name").asText()).isEqualTo("contracts");
        // new sources land in "Uploads" (the SDK's README), no longer in "Default"
        assertThat(demo.get("defaultDirectory").asText()).isEqualTo("Uploads");
        assertThat(json(get("/v1/project/" + demo.get("id").asLong())).get("name").asText()).isEqualTo("contracts");

        HttpResponse<String> created = post("/v1/project/create", Map.of("name", "claims", "groupName", "demo",
                "isPublic", false));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(json(created).get("groupName").asText()).isEqualTo("demo");
        assertThat(post("/v1/project/create", Map.of("name", "claims", "groupName", "demo")).statusCode()).isEqualTo(409);

        HttpResponse<String> missing = get("/v1/project/demo/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("message").asText()).isEqualTo("Project 'nope' not found in group 'demo'");
        assertThat(get("/v1/project/other/contracts").statusCode()).isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------------ sources by name

    @Test
    void aSourceIsFoundByItsNameInItsDirectoryAndAnUnknownNameIsA404WithAMessage() throws Exception {
        long inDefault = createText("report 1.txt", "Initech");
        HttpResponse<String> inInbox = post("/v1/source/create-text", Map.of("projectIdentifier", "contracts",
                "groupName", "demo", "directoryIdentifier", "Inbox", "sourceName", "report 1.txt", "text", "Hooli"));
        assertThat(inInbox.statusCode()).isEqualTo(200);
        long projectId = json(get("/v1/project/demo/contracts")).get("id").asLong();

        JsonNode found = json(get("/v1/source/demo/contracts/Uploads/report%201.txt"));
        assertThat(found.get("id").asLong()).isEqualTo(inDefault);
        assertThat(found.get("name").asText()).isEqualTo("report 1.txt");
        assertThat(found.get("directoryName").asText()).isEqualTo("Uploads");
        assertThat(found.get("url").isNull()).as("a text source has no file").isTrue();
        assertThat(found.get("text").asText()).isEqualTo("Initech");
        JsonNode inbox = json(get("/v1/source/demo/" + projectId + "/Inbox/report%201.txt"));
        assertThat(inbox.get("id").asLong()).isEqualTo(json(inInbox).get("id").asLong());
        assertThat(json(get("/v1/source/demo/contracts/" + inbox.get("directoryId").asLong() + "/report%201.txt"))
                .get("id").asLong()).as("a directory by id").isEqualTo(inbox.get("id").asLong());

        HttpResponse<String> unknown = get("/v1/source/demo/contracts/Uploads/nope.txt");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("message").asText())
                .isEqualTo("Source 'nope.txt' not found in directory 'Uploads' of project 'contracts'");
        HttpResponse<String> noDirectory = get("/v1/source/demo/contracts/Archive/report%201.txt");
        assertThat(noDirectory.statusCode()).isEqualTo(404);
        assertThat(json(noDirectory).get("message").asText()).contains("Directory 'Archive' not found");
        assertThat(get("/v1/source/demo/nope/Uploads/report%201.txt").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/v1/source/demo/contracts/Uploads/report%201.txt", null, null).statusCode())
                .as("authenticated").isEqualTo(401);

        // looking up an unknown directory did not create it: a new source there still lands in the default
        assertThat(json(post("/v1/source/create-text", Map.of("projectIdentifier", "contracts", "groupName", "demo",
                "sourceName", "x.txt", "text", "Acme"))).get("directoryName").asText()).isEqualTo("Uploads");
        // counted under its template, the refused call included
        assertThat(emulator.stats().calls("annolab", "GET /v1/source/{group}/{project}/{directory}/{name}"))
                .isEqualTo(7);
    }

    // ------------------------------------------------------------------------------------------------ text chain

    @Test
    void textSourceInferenceAndFilteredExport() throws Exception {
        String text = "Invoice from Acme Corporation to Initech: $2,500.00 due 2025-05-01. Contact ap@acme.example.";
        long sourceId = createText("invoice.txt", text);
        long otherId = createText("other.txt", "Hooli owes Globex EUR 10.00");

        JsonNode job = json(post("/v1/infer/batch", inferBody("Entity Annotator", "Predictions", sourceId, otherId)));
        assertThat(job.get("status").asText()).isEqualTo("Queued");
        assertThat(job.get("outputLayerName").asText()).isEqualTo("Predictions");
        assertThat(job.get("sourceIds")).hasSize(2);
        assertThat(emulator.stats().billedUnits("annolab")).isEqualTo(2);

        JsonNode done = awaitInference(job.get("inferenceJobId").asLong());
        assertThat(done.get("status").asText()).isEqualTo("Finished");
        // a second layer that the export filter must leave out
        awaitInference(json(post("/v1/infer/batch", inferBody("102", "Documents", sourceId))).get("inferenceJobId").asLong());

        Map<String, byte[]> zip = export(Map.of("projectIdentifier", "contracts", "groupName", "demo",
                "sourceIds", new long[] {sourceId}, "annotationLayerNames", new String[] {"Predictions"}));
        // the SDK importer's layout (replaces the old export.json, sources/<id>/, annotations/<id>.json)
        assertThat(zip).containsOnlyKeys("contracts.sources.jsonl", "contracts.atntypes.jsonl",
                "contracts.layers.jsonl", "contracts.annotations.jsonl", "contracts.relations.jsonl");
        List<JsonNode> sources = lines(zip.get("contracts.sources.jsonl"));
        assertThat(sources).hasSize(1);
        assertThat(sources.get(0).get("sourceId").asLong()).isEqualTo(sourceId);
        assertThat(sources.get(0).get("sourceName").asText()).isEqualTo("invoice.txt");
        assertThat(sources.get(0).get("directoryName").asText()).isEqualTo("Uploads");
        assertThat(sources.get(0).get("type").asText()).isEqualTo("text");
        assertThat(sources.get(0).get("text").asText()).isEqualTo(text);
        assertThat(lines(zip.get("contracts.layers.jsonl"))).extracting(l -> l.get("name").asText())
                .containsExactly("Predictions");
        List<JsonNode> annotations = lines(zip.get("contracts.annotations.jsonl"));
        assertThat(annotations).hasSize(5);
        for (JsonNode a : annotations) {
            assertThat(a.get("layerName").asText()).isEqualTo("Predictions");
            assertThat(a.get("sourceId").asLong()).isEqualTo(sourceId);
            int start = a.at("/offsets/0").asInt();
            int end = a.at("/offsets/1").asInt();
            assertThat(text.substring(start, end)).isEqualTo(a.get("value").asText());
        }
        assertThat(annotations).extracting(a -> a.get("typeName").asText())
                .contains("Organization", "Amount", "Date", "Email Address");
        assertThat(lines(zip.get("contracts.atntypes.jsonl"))).extracting(t -> t.get("name").asText())
                .contains("Organization", "Amount", "Date", "Email Address", "Document");
        assertThat(lines(zip.get("contracts.relations.jsonl"))).isEmpty();
    }

    @Test
    void inferenceStatusGoesFromQueuedThroughRunningToFinished() throws Exception {
        long sourceId = createText("a.txt", "Initech");
        long jobId = json(post("/v1/infer/batch", inferBody("Entity Annotator", "L", sourceId))).get("inferenceJobId").asLong();
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .pollInSameThread().until(() -> {
                    String state = json(get("/v1/infer/batch/" + jobId)).get("status").asText();
                    seen.add(state);
                    return state.equals("Finished");
                });
        assertThat(seen).containsExactly("Queued", "Running", "Finished");
    }

    // ------------------------------------------------------------------------------------------------ PDFs

    @Test
    void pdfSourcesGoThroughTheSignedUploadUrlAndAreClassified() throws Exception {
        Path pdf = writePdf(temp.resolve("bundle.pdf"), "INVOICE 7 - Amount due $40.00 - Bill to Hooli",
                "This Agreement between the parties, hereinafter Initech");
        JsonNode init = json(post("/v1/source/init-pdf", Map.of("projectIdentifier", "contracts", "groupName", "demo",
                "directoryIdentifier", "Default", "sourceName", "bundle.pdf", "metadata", Map.of())));
        String uploadUrl = init.get("uploadUrl").asText();
        assertThat(uploadUrl).startsWith(emulator.baseUrl());

        HttpResponse<String> withKey = CLIENT.send(HttpRequest.newBuilder(URI.create(uploadUrl))
                .header("Authorization", "Api-Key " + KEY).header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofFile(pdf)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withKey.statusCode()).isEqualTo(400);
        assertThat(json(withKey).get("message").asText()).contains("Only one auth mechanism");
        HttpResponse<String> badSignature = CLIENT.send(HttpRequest.newBuilder(URI.create(uploadUrl.replaceAll(
                "Signature=.*", "Signature=forged"))).PUT(HttpRequest.BodyPublishers.ofFile(pdf)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(badSignature.statusCode()).isEqualTo(403);

        HttpResponse<String> created = post("/v1/source/create-pdf", Map.of("projectIdentifier", "contracts",
                "groupName", "demo", "directoryIdentifier", "Default", "sourceIdentifier", "bundle.pdf",
                "preprocessor", "none"));
        assertThat(created.statusCode()).as("not uploaded yet").isEqualTo(404);

        HttpResponse<String> put = CLIENT.send(HttpRequest.newBuilder(URI.create(uploadUrl))
                .header("Content-Type", "application/pdf").PUT(HttpRequest.BodyPublishers.ofFile(pdf)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        created = post("/v1/source/create-pdf", Map.of("projectIdentifier", "contracts", "groupName", "demo",
                "directoryIdentifier", "Default", "sourceIdentifier", "bundle.pdf", "preprocessor", "none"));
        assertThat(created.statusCode()).isEqualTo(200);
        long sourceId = json(created).get("id").asLong();
        JsonNode source = json(get("/v1/source/" + sourceId));
        assertThat(source.get("type").asText()).isEqualTo("pdf");
        assertThat(source.get("text").asText()).contains("INVOICE 7").contains("\f").contains("hereinafter Initech");

        long jobId = json(post("/v1/infer/batch", inferBody(DocumentClassifier.NAME, "Docs", sourceId)))
                .get("inferenceJobId").asLong();
        assertThat(awaitInference(jobId).get("status").asText()).isEqualTo("Finished");
        Map<String, byte[]> zip = export(Map.of("projectIdentifier", "contracts", "groupName", "demo",
                "sourceIds", new long[] {sourceId}, "includeTextBounds", true));
        List<JsonNode> docs = lines(zip.get("contracts.annotations.jsonl"));
        assertThat(docs).extracting(d -> d.get("value").asText()).containsExactly("Invoice", "Contract");
        assertThat(docs.get(1).get("pageNumber").asInt()).isEqualTo(2);
        // the PDF itself under its directory and name, and its text bounds (includeTextBounds)
        assertThat(zip.get("Default/bundle.pdf")).isEqualTo(java.nio.file.Files.readAllBytes(pdf));
        List<JsonNode> bounds = lines(zip.get("contracts.text-bounds.jsonl"));
        assertThat(bounds).singleElement().satisfies(b -> {
            assertThat(b.get("sourceId").asLong()).isEqualTo(sourceId);
            assertThat(b.get("textBounds")).hasSize(2);
        });

        // the source's signed download URL serves the file; not with a key, not with a forged signature
        String url = source.get("url").asText();
        assertThat(url).startsWith(emulator.baseUrl()).contains("X-Amz-Signature=");
        HttpResponse<byte[]> file = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(java.nio.file.Files.readAllBytes(pdf));
        assertThat(send("GET", url, null, "Api-Key " + KEY).statusCode()).isEqualTo(400);
        assertThat(send("GET", url.replaceAll("Signature=.*", "Signature=forged"), null, null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aFileThatIsNotAPdfIsRefusedWithAMessage() throws Exception {
        String uploadUrl = json(post("/v1/source/init-pdf", Map.of("projectIdentifier", "contracts",
                "groupName", "demo", "sourceName", "fake.pdf"))).get("uploadUrl").asText();
        CLIENT.send(HttpRequest.newBuilder(URI.create(uploadUrl)).PUT(HttpRequest.BodyPublishers.ofString("hello"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> created = post("/v1/source/create-pdf", Map.of("projectIdentifier", "contracts",
                "groupName", "demo", "sourceIdentifier", "fake.pdf"));
        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(json(created).get("message").asText()).contains("not a readable PDF");
    }

    // ------------------------------------------------------------------------------------------------ errors, faults

    @Test
    void unknownThingsAre404sWithMessages() throws Exception {
        long sourceId = createText("x.txt", "Hooli");
        HttpResponse<String> model = post("/v1/infer/batch", inferBody("GPT-9", "L", sourceId));
        assertThat(model.statusCode()).isEqualTo(404);
        assertThat(json(model).get("message").asText()).contains("Model 'GPT-9' not found");
        HttpResponse<String> source = post("/v1/infer/batch", inferBody("Entity Annotator", "L", 424242));
        assertThat(source.statusCode()).isEqualTo(404);
        assertThat(json(source).get("message").asText()).contains("Source 424242 not found");
        assertThat(post("/v1/infer/batch", Map.of("projectIdentifier", "contracts", "groupName", "demo"))
                .statusCode()).isEqualTo(400);
        assertThat(get("/v1/infer/batch/999999").statusCode()).isEqualTo(404);
        assertThat(get("/v1/export/status/999999").statusCode()).isEqualTo(404);
        assertThat(post("/v1/source/create-text", Map.of("projectIdentifier", "contracts", "groupName", "demo",
                "sourceName", "x.txt", "text", "again")).statusCode()).as("duplicate name").isEqualTo(409);

        assertThat(send("DELETE", "/v1/source/" + sourceId, null, "Api-Key " + KEY).statusCode()).isEqualTo(200);
        assertThat(get("/v1/source/" + sourceId).statusCode()).isEqualTo(404);
        assertThat(emulator.stats().billedUnits("annolab")).isZero();
    }

    @Test
    void jobFaultsMakeInferenceErroredAndExportsErrored() throws Exception {
        long sourceId = createText("f.txt", "Initech");
        emulator.faults().add(FaultRule.builder().provider("annolab").path("/v1/infer/batch").job(JobFault.ERROR).count(1)
                .build());
        emulator.faults().add(FaultRule.builder().provider("annolab").path("/v1/export/project").job(JobFault.ERROR)
                .count(1).build());

        JsonNode failed = awaitInference(json(post("/v1/infer/batch", inferBody("Entity Annotator", "L", sourceId)))
                .get("inferenceJobId").asLong());
        assertThat(failed.get("status").asText()).isEqualTo("Errored");
        assertThat(failed.get("message").asText()).isNotBlank();

        String statusUrl = json(post("/v1/export/project", Map.of("projectIdentifier", "contracts",
                "groupName", "demo"))).get("exportStatusUrl").asText();
        JsonNode status = awaitExport(statusUrl);
        assertThat(status.get("status").asText()).isEqualTo("errored");
        assertThat(status.get("downloadUrl").isNull()).isTrue();
        assertThat(status.get("error").asText()).isNotBlank();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private long createText(String name, String text) throws Exception {
        HttpResponse<String> r = post("/v1/source/create-text", Map.of("projectIdentifier", "contracts",
                "groupName", "demo", "sourceName", name, "text", text));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("id").asLong();
    }

    private static Map<String, Object> inferBody(String model, String layer, long... sourceIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectIdentifier", "contracts");
        body.put("groupName", "demo");
        body.put("modelIdentifier", model);
        body.put("sourceIds", sourceIds);
        body.put("outputLayerIdentifier", layer);
        return body;
    }

    private JsonNode awaitInference(long jobId) {
        return awaitStatus("/v1/infer/batch/" + jobId, "Finished", "Errored");
    }

    private JsonNode awaitExport(String statusUrl) {
        return awaitStatus(statusUrl, "finished", "errored");
    }

    /** Polls a job's status until it is one of the final states. */
    private JsonNode awaitStatus(String path, String... finalStates) {
        return await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(20))
                .until(() -> json(get(path)), s -> java.util.List.of(finalStates).contains(s.get("status").asText()));
    }

    private Map<String, byte[]> export(Map<String, Object> body) throws Exception {
        HttpResponse<String> started = post("/v1/export/project", body);
        assertThat(started.statusCode()).isEqualTo(201);
        assertThat(json(started).at("/exportJob/status").asText()).isEqualTo("initialized");
        JsonNode status = awaitExport(json(started).get("exportStatusUrl").asText());
        assertThat(status.get("status").asText()).isEqualTo("finished");
        URI download = URI.create(status.get("downloadUrl").asText());
        HttpResponse<byte[]> zip = CLIENT.send(HttpRequest.newBuilder(download).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static List<JsonNode> lines(byte[] jsonl) throws IOException {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : new String(jsonl, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                out.add(MAPPER.readTree(line));
            }
        }
        return out;
    }

    static Path writePdf(Path file, String... pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.newLineAtOffset(50, 700);
                    cs.showText(text);
                    cs.endText();
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, "Api-Key " + KEY);
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return send("POST", path, MAPPER.writeValueAsString(body), "Api-Key " + KEY);
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path
                        : emulator.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return MAPPER.readTree(r.body());
    }
}

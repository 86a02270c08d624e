package io.camelinference.annolab;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import io.camelinference.annolab.model.AnnoLabAnnotation;
import io.camelinference.annolab.model.AnnoLabExport;
import io.camelinference.annolab.model.AnnoLabSource;
import io.camelinference.annolab.model.CreatedAnnotations;
import io.camelinference.annolab.model.ExportedSource;
import io.camelinference.annolab.model.ImportResult;
import io.camelinference.annolab.operation.ExportArchive;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export in the SDK's layout and back: the zip the emulator makes (the layout of the SDK's project_import.py) is read
 * into the same annotations, relations and sources the export returns as records; import-annotations (the SDK's
 * update_from_export with skip_sources) puts them into another project's sources, and exporting that project gives the
 * same annotations again; a second import adds nothing.
 */
class AnnoLabExportImportTest extends AnnoLabTestSupport {

    static final String LETTER = "Dear Ms. Alvarez,\nWonka Industries will deliver for Northwind Traders on "
            + "April 15, 2025 at $8,750.00. Questions: orders@wonka.example\nSincerely";
    static final String COPY = "groupName=" + OWNER + "&projectIdentifier=copy";

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(150));

    @TempDir
    Path temp;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    private Exchange ok(String uri, Object body, Map<String, Object> headers) {
        Exchange out = template.request(uri, e -> {
            e.getMessage().setBody(body);
            headers.forEach(e.getMessage()::setHeader);
        });
        assertThat(out.getException()).isNull();
        return out;
    }

    /** A project with a model's annotations on a text and a PDF, and a person's annotations with a relation. */
    private Path original() throws Exception {
        ok(ENTITIES, LETTER, Map.of(AnnoLabConstants.SOURCE_NAME, "letter.txt"));
        Path pdf = pdf(temp.resolve("bundle.pdf"), "INVOICE 7 - Amount due $40.00 - Bill to Hooli",
                "This Agreement between the parties, hereinafter Initech");
        ok(CLASSIFIER + "&directoryIdentifier=Scans", pdf, Map.of(AnnoLabConstants.SOURCE_NAME, "bundle.pdf"));
        ok("annolab:create-annotations?" + TARGET, AnnoLabAnnotationsTest.hiring(), Map.of(AnnoLabConstants.SOURCE_NAME,
                "letter.txt"));
        return pdf;
    }

    @Test
    void theZipInTheSdksLayoutIsReadBackIntoTheSameRecordsTheExportReturns() throws Exception {
        Path pdf = original();
        String all = "annolab:export?" + TARGET + "&includeSources=true&includeTextBounds=true";

        AnnoLabExport records = ok(all + "&fullExport=true", null, Map.of()).getMessage().getBody(AnnoLabExport.class);
        File zip = ok(all + "&outputDirectory=" + temp.resolve("kept"), null, Map.of()).getMessage().getBody(File.class);

        // the layout create_project_from_export reads: JSON lines at the root, the PDF under its directory and name
        try (ZipFile z = new ZipFile(zip)) {
            assertThat(z.stream().map(java.util.zip.ZipEntry::getName).toList()).containsExactlyInAnyOrder(
                    "contracts.sources.jsonl", "contracts.text-bounds.jsonl", "contracts.atntypes.jsonl",
                    "contracts.layers.jsonl", "contracts.annotations.jsonl", "contracts.relations.jsonl",
                    "Scans/bundle.pdf");
            assertThat(z.getInputStream(z.getEntry("Scans/bundle.pdf")).readAllBytes())
                    .isEqualTo(Files.readAllBytes(pdf));
        }
        AnnoLabExport read = ExportArchive.read(zip.toPath());
        assertThat(read).isEqualTo(records);
        assertThat(ExportArchive.annotations(zip.toPath())).isEqualTo(records.annotations());

        assertThat(records.sources()).extracting(ExportedSource::sourceName, ExportedSource::directoryName,
                ExportedSource::type).containsExactly(org.assertj.core.groups.Tuple.tuple("letter.txt", "Uploads",
                "text"), org.assertj.core.groups.Tuple.tuple("bundle.pdf", "Scans", "pdf"));
        assertThat(records.sources().get(0).text()).isEqualTo(LETTER);
        assertThat(records.sources().get(1).textBounds()).hasSize(2);
        assertThat(records.annotations()).extracting(AnnoLabAnnotation::value).contains("Wonka Industries",
                "Northwind Traders", "$8,750.00", "Invoice", "Contract", "Acme Corporation");
        assertThat(records.annotations()).filteredOn(a -> a.type().equals("Document"))
                .extracting(AnnoLabAnnotation::pageNumber).containsExactly(1, 2);
        assertThat(records.relations()).singleElement().satisfies(r -> assertThat(r.typeName()).isEqualTo("Employs"));
        assertThat(records.layers()).extracting(l -> l.layerName()).contains("Predictions", "Documents", "NER",
                "Gold Set");
        assertThat(records.annotationTypes()).filteredOn(t -> t.typeName().equals("Employs")).singleElement()
                .satisfies(t -> assertThat(t.isRelation()).isTrue());
        for (AnnoLabAnnotation a : records.annotations()) {
            if (a.sourceName().equals("letter.txt") && a.start() != null && !a.layer().equals("NER")) {
                assertThat(LETTER.substring(a.start(), a.end())).isEqualTo(a.value());
            }
        }
    }

    @Test
    void importAnnotationsPutsAnExportIntoAnotherProjectsSourcesAndASecondImportAddsNothing() throws Exception {
        original();
        File zip = ok("annolab:export?" + TARGET + "&outputDirectory=" + temp.resolve("kept"), null, Map.of())
                .getMessage().getBody(File.class);
        // the copy: the same sources by name and directory (the SDK's update_from_export(skip_sources=True))
        ok("annolab:create-project", "copy", Map.of());
        String letterText = ok("annolab:get-source?" + TARGET, "letter.txt", Map.of()).getMessage()
                .getBody(AnnoLabSource.class).text();
        String pdfText = ok("annolab:get-source?" + TARGET, null, Map.of(AnnoLabConstants.SOURCE_NAME, "bundle.pdf",
                AnnoLabConstants.DIRECTORY_IDENTIFIER, "Scans")).getMessage().getBody(AnnoLabSource.class).text();
        ok("annolab:create-source?" + COPY, letterText, Map.of(AnnoLabConstants.SOURCE_NAME, "letter.txt"));
        ok("annolab:create-source?" + COPY + "&directoryIdentifier=Scans", pdfText, Map.of(
                AnnoLabConstants.SOURCE_NAME, "bundle.pdf"));

        Exchange imported = ok("annolab:import-annotations?" + COPY, zip, Map.of());
        ImportResult result = imported.getMessage().getBody(ImportResult.class);
        AnnoLabExport original = ok("annolab:export?fullExport=true&" + TARGET, null, Map.of()).getMessage()
                .getBody(AnnoLabExport.class);
        assertThat(result.annotations()).hasSize(original.annotations().size());
        assertThat(result.relations()).hasSize(1);
        assertThat(result.skippedAnnotations()).isZero();
        assertThat(imported.getMessage().getHeader(AnnoLabConstants.RELATION_COUNT)).isEqualTo(1);

        AnnoLabExport copy = ok("annolab:export?fullExport=true&" + COPY, null, Map.of()).getMessage()
                .getBody(AnnoLabExport.class);
        assertThat(describe(copy.annotations())).containsExactlyInAnyOrderElementsOf(describe(original.annotations()));
        assertThat(copy.relations()).singleElement().satisfies(r -> {
            assertThat(r.typeName()).isEqualTo("Employs");
            assertThat(r.value()).isEqualTo("2025");
        });
        assertThat(copy.annotationTypes()).extracting(t -> t.typeName())
                .containsExactlyInAnyOrderElementsOf(original.annotationTypes().stream().map(t -> t.typeName())
                        .toList());
        long bulkCalls = calls(BULK_ANNOTATIONS);

        // preventDuplication: the same import again creates nothing new (and answers the same annotations)
        ImportResult again = ok("annolab:import-annotations?" + COPY, zip, Map.of()).getMessage()
                .getBody(ImportResult.class);
        assertThat(again.annotations()).extracting(AnnoLabAnnotation::id)
                .containsExactlyElementsOf(result.annotations().stream().map(AnnoLabAnnotation::id).toList());
        assertThat(ok("annolab:export?fullExport=true&" + COPY, null, Map.of()).getMessage().getBody(AnnoLabExport.class)
                .annotations()).hasSize(copy.annotations().size());
        assertThat(calls(BULK_ANNOTATIONS)).isEqualTo(bulkCalls + 1);
    }

    @Test
    void annotationRecordsFromInferAreImportedOntoOneSource() throws Exception {
        @SuppressWarnings("unchecked")
        List<AnnoLabAnnotation> inferred = ok(ENTITIES, LETTER, Map.of()).getMessage().getBody(List.class);
        AnnoLabSource target = ok("annolab:create-source?" + TARGET, LETTER, Map.of(AnnoLabConstants.SOURCE_NAME,
                "reviewed.txt")).getMessage().getBody(AnnoLabSource.class);

        ImportResult result = ok("annolab:import-annotations?" + TARGET + "&bulkSize=2", inferred, Map.of(
                AnnoLabConstants.SOURCE_ID, target.id())).getMessage().getBody(ImportResult.class);
        assertThat(result.annotations()).hasSize(inferred.size()).allSatisfy(a -> {
            assertThat(a.sourceId()).isEqualTo(target.id());
            assertThat(LETTER.substring(a.start(), a.end())).isEqualTo(a.value());
        });
        assertThat(result.annotations()).extracting(AnnoLabAnnotation::clientId)
                .containsExactlyElementsOf(inferred.stream().map(a -> String.valueOf(a.id())).toList());
        assertThat(calls(BULK_ANNOTATIONS)).isEqualTo((inferred.size() + 1) / 2);

        // nothing sent for a body that is not an export
        long sent = emulator.stats().totalCalls("annolab");
        Path notAZip = Files.writeString(temp.resolve("notes.zip"), "not a zip");
        for (Object body : List.of(notAZip.toFile(), "text", List.of(), Map.of("a", 1))) {
            Exchange bad = template.request("annolab:import-annotations?" + TARGET, e -> e.getMessage().setBody(body));
            assertThat(bad.getException()).as(String.valueOf(body)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(emulator.stats().totalCalls("annolab")).isEqualTo(sent);
    }

    @Test
    void theInferChainReadsTheNewLayoutAndCreateAnnotationsTakesItsRecords() {
        @SuppressWarnings("unchecked")
        List<AnnoLabAnnotation> inferred = ok(ENTITIES, LETTER, Map.of(AnnoLabConstants.SOURCE_NAME, "l.txt"))
                .getMessage().getBody(List.class);
        assertThat(inferred).extracting(AnnoLabAnnotation::directoryName).containsOnly("Uploads");
        ok("annolab:create-source?" + TARGET, LETTER, Map.of(AnnoLabConstants.SOURCE_NAME, "l2.txt"));
        CreatedAnnotations created = ok("annolab:create-annotations?" + TARGET, inferred, Map.of(
                AnnoLabConstants.SOURCE_NAME, "l2.txt")).getMessage().getBody(CreatedAnnotations.class);
        assertThat(created.annotations()).extracting(AnnoLabAnnotation::value)
                .containsExactlyElementsOf(inferred.stream().map(AnnoLabAnnotation::value).toList());
        assertThat(created.annotations()).extracting(AnnoLabAnnotation::sourceName).containsOnly("l2.txt");
    }

    /** Everything but ids. */
    private static List<String> describe(List<AnnoLabAnnotation> annotations) {
        return annotations.stream().map(a -> a.directoryName() + "/" + a.sourceName() + "|" + a.type() + "|"
                + a.value() + "|" + a.start() + "-" + a.end() + "|" + a.layer() + "|" + a.pageNumber() + "-"
                + a.endPageNumber() + "|" + a.reviewed()).toList();
    }
}

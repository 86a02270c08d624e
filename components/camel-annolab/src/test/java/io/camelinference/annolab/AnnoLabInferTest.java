package io.camelinference.annolab;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.camelinference.annolab.model.AnnoLabAnnotation;
import io.camelinference.annolab.model.AnnoLabSource;
import io.camelinference.annolab.model.InferenceJob;
import io.camelinference.annolab.operation.ExportArchive;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole chain in one call, for text and PDF documents and for source ids; the single-step operations. */
class AnnoLabInferTest extends AnnoLabTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(300));

    @TempDir
    Path temp;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    static final String LETTER = "Dear Ms. Alvarez,\nWonka Industries will deliver for Northwind Traders on "
            + "April 15, 2025 at $8,750.00. Questions: orders@wonka.example\nSincerely";

    @SuppressWarnings("unchecked")
    static List<AnnoLabAnnotation> annotations(Exchange out) {
        assertThat(out.getException()).isNull();
        return out.getMessage().getBody(List.class);
    }

    @Test
    void aTextFileBecomesTypedAnnotationsInOneCall() throws Exception {
        File file = Files.writeString(temp.resolve("letter.txt"), LETTER).toFile();

        Exchange out = template.request(ENTITIES, e -> e.getMessage().setBody(file));

        List<AnnoLabAnnotation> annotations = annotations(out);
        assertThat(annotations).extracting(AnnoLabAnnotation::type, AnnoLabAnnotation::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Organization", "Wonka Industries"),
                org.assertj.core.groups.Tuple.tuple("Organization", "Northwind Traders"),
                org.assertj.core.groups.Tuple.tuple("Date", "April 15, 2025"),
                org.assertj.core.groups.Tuple.tuple("Amount", "$8,750.00"),
                org.assertj.core.groups.Tuple.tuple("Email Address", "orders@wonka.example"));
        List<Long> sourceIds = out.getMessage().getHeader(AnnoLabConstants.SOURCE_IDS, List.class);
        assertThat(sourceIds).hasSize(1);
        for (AnnoLabAnnotation a : annotations) {
            assertThat(LETTER.substring(a.start(), a.end())).isEqualTo(a.value());
            assertThat(a.layer()).isEqualTo("Predictions");
            assertThat(a.sourceId()).isEqualTo(sourceIds.get(0));
            assertThat(a.sourceName()).startsWith("letter-").endsWith(".txt");
        }
        assertThat(out.getMessage().getHeader(AnnoLabConstants.JOB_ID, Long.class)).isNotNull();
        assertThat(out.getMessage().getHeader(AnnoLabConstants.STATUS)).isEqualTo("Finished");
        assertThat(out.getMessage().getHeader(AnnoLabConstants.OUTPUT_LAYER_NAME)).isEqualTo("Predictions");
        assertThat(out.getMessage().getHeader(AnnoLabConstants.EXPORT_ID, Long.class)).isNotNull();
        assertThat(out.getMessage().getHeader(AnnoLabConstants.EXPORT_STATUS)).isEqualTo("finished");
        assertThat(out.getMessage().getHeader(AnnoLabConstants.ANNOTATION_COUNT)).isEqualTo(5);
        assertThat(calls(CREATE_TEXT)).isEqualTo(1);
        assertThat(calls(INFER)).isEqualTo(1);
        assertThat(calls(EXPORT)).isEqualTo(1);
        assertThat(calls(DOWNLOAD)).isEqualTo(1);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void aPdfGoesThroughTheSignedUploadAndIsStapledAndClassified() throws Exception {
        Path pdf = pdf(temp.resolve("bundle.pdf"), "INVOICE 7 - Amount due $40.00 - Bill to Hooli",
                "Total and subtotal continued", "This Agreement between the parties, hereinafter Initech");

        Exchange out = template.request(CLASSIFIER, e -> e.getMessage().setBody(pdf));

        List<AnnoLabAnnotation> documents = annotations(out);
        assertThat(documents).extracting(AnnoLabAnnotation::type).containsOnly("Document");
        assertThat(documents).extracting(AnnoLabAnnotation::value).containsExactly("Invoice", "Contract");
        assertThat(documents.get(0).pageNumber()).isEqualTo(1);
        assertThat(documents.get(0).endPageNumber()).isEqualTo(2);
        assertThat(documents.get(1).pageNumber()).isEqualTo(3);
        assertThat(calls(INIT_PDF)).isEqualTo(1);
        assertThat(calls(UPLOAD)).isEqualTo(1);
        assertThat(calls(CREATE_PDF)).isEqualTo(1);
        assertThat(calls(CREATE_TEXT)).isZero();
    }

    @Test
    void pdfBytesAndStreamsAreRecognisedByContentType() throws Exception {
        byte[] bytes = Files.readAllBytes(pdf(temp.resolve("x.pdf"), "Invoice from Acme Corporation, 2025-01-31"));

        Exchange fromBytes = template.request(ENTITIES, e -> {
            e.getMessage().setBody(bytes);
            e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/pdf");
        });
        List<Path> spools = tempFiles(".spool");
        Exchange fromStream = template.request(ENTITIES, e -> {
            e.getMessage().setBody(new ByteArrayInputStream(bytes));
            e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/pdf");
            e.getMessage().setHeader(AnnoLabConstants.SOURCE_NAME, "scanned-invoice.pdf");
        });

        for (Exchange out : List.of(fromBytes, fromStream)) {
            assertThat(annotations(out)).extracting(AnnoLabAnnotation::value)
                    .containsExactly("Acme Corporation", "2025-01-31");
        }
        assertThat(annotations(fromStream).get(0).sourceName()).isEqualTo("scanned-invoice.pdf");
        Exchange created = template.request("annolab:create-source?" + TARGET, e -> {
            e.getMessage().setBody(new ByteArrayInputStream(bytes));
            e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/pdf");
        });
        assertThat(created.getException()).isNull();
        assertThat(created.getMessage().getBody(AnnoLabSource.class).id()).isNotNull();
        assertThat(calls(UPLOAD)).isEqualTo(3);
        assertThat(tempFiles(".spool")).as("the streams' spool files deleted once uploaded").isEqualTo(spools);
    }

    @Test
    void sourceIdsFromCreateSourceAreInferredWithoutAnotherSource() {
        Exchange created = template.request("annolab:create-source?" + TARGET + "&directoryIdentifier=Inbox",
                e -> e.getMessage().setBody("Initech pays Hooli EUR 100.00"));
        assertThat(created.getException()).isNull();
        AnnoLabSource source = created.getMessage().getBody(AnnoLabSource.class);
        assertThat(source.directoryName()).isEqualTo("Inbox");
        assertThat(source.name()).startsWith("document-");
        assertThat(created.getMessage().getHeader(AnnoLabConstants.SOURCE_IDS, List.class)).containsExactly(source.id());

        Exchange out = template.request(ENTITIES, e -> e.getMessage().setBody(List.of(source.id())));

        assertThat(annotations(out)).extracting(AnnoLabAnnotation::value)
                .containsExactly("Initech", "Hooli", "EUR 100.00");
        assertThat(calls(CREATE_TEXT)).isEqualTo(1);
        assertThat(calls(INFER)).isEqualTo(1);
    }

    @Test
    void withoutFetchResultsTheFinishedJobComesBackAndStatusReadsIt() {
        long id = template.request("annolab:create-source?" + TARGET, e -> e.getMessage().setBody("Hooli"))
                .getMessage().getBody(AnnoLabSource.class).id();

        Exchange out = template.request(ENTITIES + "&fetchResults=false", e -> e.getMessage().setBody(List.of(id)));
        assertThat(out.getException()).isNull();
        InferenceJob job = out.getMessage().getBody(InferenceJob.class);
        assertThat(job.status()).isEqualTo("Finished");
        assertThat(calls(EXPORT)).isZero();

        Exchange status = template.request("annolab:status", e -> e.getMessage().setBody(job.inferenceJobId()));
        assertThat(status.getMessage().getBody(InferenceJob.class).sourceIds()).containsExactly(id);
        assertThat(status.getMessage().getHeader(AnnoLabConstants.STATUS)).isEqualTo("Finished");
    }

    @Test
    void exportAloneGivesRecordsOrAZipInTheOutputDirectory() throws Exception {
        long id = template.request("annolab:create-source?" + TARGET, e -> e.getMessage().setBody("Hooli and Initech"))
                .getMessage().getBody(AnnoLabSource.class).id();
        assertThat(annotations(template.request(ENTITIES, e -> e.getMessage().setBody(List.of(id))))).hasSize(2);

        Exchange records = template.request("annolab:export?" + TARGET + "&outputLayerIdentifier=Predictions",
                e -> e.getMessage().setHeader(AnnoLabConstants.SOURCE_IDS, List.of(id)));
        assertThat(annotations(records)).extracting(AnnoLabAnnotation::value).containsExactly("Hooli", "Initech");

        Path dir = temp.resolve("exports");
        Exchange toFile = template.request("annolab:export?" + TARGET + "&outputDirectory=" + dir,
                e -> e.getMessage().setBody(List.of(id)));
        assertThat(toFile.getException()).isNull();
        File zip = toFile.getMessage().getBody(File.class);
        assertThat(zip).exists().hasParent(dir.toFile());
        assertThat(zip.getName()).isEqualTo("annolab-export-"
                + toFile.getMessage().getHeader(AnnoLabConstants.EXPORT_ID) + ".zip");
        assertThat(ExportArchive.annotations(zip.toPath())).hasSize(2);
    }

    @Test
    void theWaitForCompletionHeaderOverridesTheOptionAndReturnsTheAcceptedJob() {
        Exchange out = template.request(ENTITIES, e -> {
            e.getMessage().setBody("Initech pays Hooli");
            e.getMessage().setHeader(AnnoLabConstants.WAIT_FOR_COMPLETION, "false");
        });

        assertThat(out.getException()).isNull();
        InferenceJob job = out.getMessage().getBody(InferenceJob.class);
        assertThat(job.status()).isEqualTo("Queued");
        assertThat(out.getMessage().getHeader(AnnoLabConstants.JOB_ID, Long.class)).isEqualTo(job.inferenceJobId());
        assertThat(out.getMessage().getHeader(AnnoLabConstants.STATUS)).isEqualTo("Queued");
        assertThat(out.getMessage().getHeader(AnnoLabConstants.OUTPUT_LAYER_NAME)).isEqualTo("Predictions");
        assertThat(out.getMessage().getHeader(AnnoLabConstants.SOURCE_IDS, List.class)).hasSize(1);
        assertThat(calls(INFER_STATUS)).isZero();
        assertThat(calls(EXPORT)).isZero();
        assertThat(billed()).isEqualTo(1);

        // and the other way round: the header asks to wait where the option says not to
        Exchange waited = template.request(ENTITIES + "&waitForCompletion=false", e -> {
            e.getMessage().setBody("Initech pays Hooli");
            e.getMessage().setHeader(AnnoLabConstants.WAIT_FOR_COMPLETION, true);
        });
        assertThat(annotations(waited)).extracting(AnnoLabAnnotation::value).containsExactly("Initech", "Hooli");
    }

    @Test
    void theOutputDirectoryHeaderOverridesTheOption() throws Exception {
        long id = template.request("annolab:create-source?" + TARGET, e -> e.getMessage().setBody("Hooli"))
                .getMessage().getBody(AnnoLabSource.class).id();
        assertThat(annotations(template.request(ENTITIES, e -> e.getMessage().setBody(List.of(id))))).hasSize(1);
        Path optionDir = temp.resolve("option");
        Path headerDir = temp.resolve("header");

        Exchange out = template.request("annolab:export?" + TARGET + "&outputDirectory=" + optionDir, e -> {
            e.getMessage().setBody(List.of(id));
            e.getMessage().setHeader(AnnoLabConstants.OUTPUT_DIRECTORY, headerDir.toString());
        });

        assertThat(out.getException()).isNull();
        File zip = out.getMessage().getBody(File.class);
        assertThat(zip).exists().hasParent(headerDir.toFile());
        assertThat(out.getMessage().getHeader(AnnoLabConstants.EXPORT_FILE, File.class)).isEqualTo(zip);
        assertThat(optionDir).doesNotExist();
    }

    // ---- bad input -------------------------------------------------------------------------------------------------

    @Test
    void anEmptyFileFailsBeforeAnyCall() throws Exception {
        File empty = Files.createFile(temp.resolve("empty.txt")).toFile();
        File emptyPdf = Files.createFile(temp.resolve("empty.pdf")).toFile();

        for (Object body : List.of(empty, emptyPdf, "   ", List.of())) {
            Exchange out = template.request(ENTITIES, e -> e.getMessage().setBody(body));
            assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty").hasMessageContaining("nothing was sent");
        }
        for (String uri : List.of(ENTITIES, "annolab:create-source?" + TARGET)) {
            Exchange emptyStream = template.request(uri, e -> {
                e.getMessage().setBody(new ByteArrayInputStream(new byte[0]));
                e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/pdf");
            });
            assertThat(emptyStream.getException()).as(uri).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty document 'document.pdf'").hasMessageContaining("nothing was sent");
        }
        assertThat(emulator.stats().totalCalls("annolab")).isZero();
    }

    @Test
    void aTextTooLargeForOneJsonRequestIsRefusedBeforeAnyCall() throws Exception {
        Path big = temp.resolve("huge.txt");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(io.camelinference.annolab.binding.DocumentReader.MAX_TEXT_BYTES + 1L);
        }
        for (Object body : List.of(big.toFile(), new java.io.BufferedInputStream(Files.newInputStream(big)))) {
            Exchange out = template.request(ENTITIES, e -> e.getMessage().setBody(body));
            assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("larger than 16 MiB").hasMessageContaining("PDF");
        }
        assertThat(emulator.stats().totalCalls("annolab")).isZero();
    }

    @Test
    void anUnknownProjectSurfacesTheServices404Message() {
        Exchange out = template.request("annolab:infer?groupName=demo&projectIdentifier=nope&modelIdentifier=101"
                + "&outputLayerIdentifier=L", e -> e.getMessage().setBody("Initech"));

        assertThat(out.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("404").hasMessageContaining("Project 'nope' not found in group 'demo'");
        assertThat(((InferenceApiException) out.getException()).getStatusCode()).isEqualTo(404);
        assertThat(calls(CREATE_TEXT)).isEqualTo(1);
        assertThat(calls(INFER)).isZero();
    }

    @Test
    void aWrongKeyIsAClear401WithoutTheKey() {
        Exchange out = template.request(ENTITIES + "&apiKey=wrong-secret-42", e -> e.getMessage().setBody("Hooli"));

        assertThat(out.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("401").hasMessageNotContaining("wrong-secret-42");
        assertThat(out.getException().getMessage()).doesNotContain(emulator.apiKey());
    }

    @Test
    void anUnknownModelIsThe404OfTheInferenceCall() {
        Exchange out = template.request("annolab:infer?" + TARGET + "&modelIdentifier=GPT-9&outputLayerIdentifier=L",
                e -> e.getMessage().setBody(Map.of("not", "a document")));
        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.util");

        out = template.request("annolab:infer?" + TARGET + "&modelIdentifier=GPT-9&outputLayerIdentifier=L",
                e -> e.getMessage().setBody("Hooli"));
        assertThat(out.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("Model 'GPT-9' not found");
        assertThat(((InferenceApiException) out.getException()).getStatusCode()).isEqualTo(404);
        assertThat(((InferenceApiException) out.getException()).getOperation()).isEqualTo("POST /v1/infer/batch");
        assertThat(calls(INFER)).as("the inference call answered it, once").isEqualTo(1);
    }
}

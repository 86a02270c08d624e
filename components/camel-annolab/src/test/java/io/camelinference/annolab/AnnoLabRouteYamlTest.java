package io.camelinference.annolab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Loads routes/annolab-document-pipeline.camel.yaml and runs the example's sample documents through it. */
class AnnoLabRouteYamlTest extends AnnoLabTestSupport {

    static final Path ROUTE = Paths.get("../../routes/annolab-document-pipeline.camel.yaml");
    static final Path SAMPLES = Paths.get("../../examples/file-pipeline/src/main/resources/samples/annolab");

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(200));

    @TempDir
    static Path work;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("annolab.inbox", work.resolve("inbox").toString());
        p.setProperty("annolab.outbox", work.resolve("outbox").toString());
        p.setProperty("annolab.error", work.resolve("error").toString());
        return p;
    }

    @Test
    void samplesBecomeAnnotationFilesAndBadDocumentsGoToTheErrorFolderWithTheReason() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context,
                "file:" + ROUTE.toAbsolutePath()));
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.copy(SAMPLES.resolve("invoice-and-agreement.pdf"), inbox.resolve("invoice-and-agreement.pdf"));
        Files.copy(SAMPLES.resolve("supplier-letter.txt"), inbox.resolve("supplier-letter.txt"));
        Files.createFile(inbox.resolve("blank.txt"));

        Path pdfOut = work.resolve("outbox/invoice-and-agreement.annotations.json");
        Path textOut = work.resolve("outbox/supplier-letter.annotations.json");
        Path reason = work.resolve("error/blank.txt.error.txt");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Files.exists(pdfOut) && Files.exists(textOut) && Files.exists(reason));

        ObjectMapper mapper = new ObjectMapper();
        JsonNode pdf = mapper.readTree(pdfOut.toFile());
        assertThat(pdf.findValuesAsText("type")).contains("Organization", "Amount", "Date", "Email Address");
        assertThat(pdf.findValuesAsText("value")).contains("Acme Corporation", "Globex Corporation", "$13,550.50",
                "March 3, 2025", "billing@acme-corp.example", "Initech", "EUR 4,000.00");
        assertThat(pdf.get(0).get("layer").asText()).isEqualTo("Predictions");
        assertThat(pdf.findValuesAsText("pageNumber")).contains("1", "2");
        JsonNode text = mapper.readTree(textOut.toFile());
        assertThat(text.findValuesAsText("value")).contains("Wonka Industries", "Northwind Traders", "$8,750.00",
                "orders@wonka-industries.example");
        String letter = Files.readString(SAMPLES.resolve("supplier-letter.txt"));
        for (JsonNode a : text) {
            assertThat(letter.substring(a.get("start").asInt(), a.get("end").asInt())).isEqualTo(a.get("value").asText());
        }

        assertThat(Files.readString(reason)).contains("IllegalArgumentException").contains("empty");
        assertThat(work.resolve("error/blank.txt")).exists();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(inbox).isEmptyDirectory());
        assertThat(calls(INIT_PDF)).isEqualTo(1);
        assertThat(calls(CREATE_TEXT)).isEqualTo(1);
        assertThat(calls(INFER)).isEqualTo(2);
    }
}

package io.camelinference.unitypredict;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.unitypredict.model.UnityPredictResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class UnityPredictFilesTest extends UnityPredictTestSupport {

    private static final String TEXT = "The quarterly report shows great progress. Revenue grew and customers are happy.\n"
            + "Great teams deliver great results.\n";

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @TempDir
    Path dir;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    private String uri() {
        return "unitypredict:predict?modelId=text-summary&fileInputName=InputFile&outputDirectory=" + dir.resolve("out");
    }

    private Path input() throws Exception {
        Path file = dir.resolve("report.txt");
        Files.writeString(file, TEXT);
        return file;
    }

    private static void assertSummarised(Exchange out, Path expectedFile) throws Exception {
        assertThat(out.getException()).isNull();
        UnityPredictResponse response = out.getMessage().getBody(UnityPredictResponse.class);
        assertThat(response.status()).isEqualTo("Completed");
        assertThat(response.value("Label")).isNotNull();
        @SuppressWarnings("unchecked")
        List<File> files = out.getMessage().getHeader(UnityPredictConstants.OUTPUT_FILES, List.class);
        assertThat(files).containsExactly(expectedFile.toFile());
        String summary = Files.readString(expectedFile);
        assertThat(summary).contains("great").containsIgnoringCase("words");
    }

    @Test
    void fileBodyIsUploadedAndTheOutputFileDownloaded() throws Exception {
        Exchange out = template.request(uri(), e -> e.getMessage().setBody(input().toFile()));
        assertSummarised(out, dir.resolve("out/summary.txt"));
        assertThat(calls("POST /api/predict/initialize/{modelId}")).isEqualTo(1);
        assertThat(calls(PREDICT_WITH_REQUEST)).isEqualTo(1);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void pathBody() throws Exception {
        assertSummarised(template.request(uri(), e -> e.getMessage().setBody(input())), dir.resolve("out/summary.txt"));
    }

    @Test
    void byteArrayBody() throws Exception {
        assertSummarised(template.request(uri(), e -> e.getMessage().setBody(TEXT.getBytes(StandardCharsets.UTF_8))),
                dir.resolve("out/summary.txt"));
    }

    @Test
    void inputStreamBodyOfUnknownLength() throws Exception {
        List<Path> spoolsBefore = tempFiles(".spool");
        Exchange out = template.request(uri(), e -> {
            e.getMessage().setBody(new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)));
            e.getMessage().setHeader(Exchange.FILE_NAME_ONLY, "streamed.txt");
        });
        assertSummarised(out, dir.resolve("out/summary.txt"));
        assertThat(tempFiles(".spool")).as("the stream's spooled copy is deleted once the exchange completed")
                .isEqualTo(spoolsBefore);
    }

    @Test
    void fileInsideAMapOfInputs() throws Exception {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("InputFile", input().toFile());
        inputs.put("OutputName", "report-summary.txt");
        Exchange out = template.request("unitypredict:predict?modelId=text-summary&outputDirectory=" + dir.resolve("out"),
                e -> e.getMessage().setBody(inputs));
        assertSummarised(out, dir.resolve("out/report-summary.txt"));
    }

    @Test
    void aHostileOutputNameLandsInsideTheOutputDirectory() throws Exception {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("InputFile", input().toFile());
        inputs.put("OutputName", "../../x");
        Path outDir = dir.resolve("a/b/out");
        Exchange out = template.request("unitypredict:predict?modelId=text-summary&outputDirectory=" + outDir,
                e -> e.getMessage().setBody(inputs));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(UnityPredictResponse.class).value("Summary")).isEqualTo("../../x");
        assertThat(outDir.resolve("x")).exists();
        assertThat(dir.resolve("x")).doesNotExist();
        assertThat(dir.resolve("a/x")).doesNotExist();
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().equals("x")))
                    .containsExactly(outDir.resolve("x"));
        }
    }

    @Test
    void statusAndDownloadOperationsForRoutesThatDoItThemselves() throws Exception {
        Exchange predicted = template.request("unitypredict:predict?modelId=text-summary&fileInputName=InputFile",
                e -> e.getMessage().setBody(input().toFile()));
        assertThat(predicted.getMessage().getHeader(UnityPredictConstants.OUTPUT_FILES)).isNull();
        String requestId = predicted.getMessage().getHeader(UnityPredictConstants.REQUEST_ID, String.class);

        Exchange status = template.request("unitypredict:status", e -> e.getMessage().setBody(requestId));
        assertThat(status.getMessage().getHeader(UnityPredictConstants.STATUS)).isEqualTo("Completed");

        Exchange download = template.request("unitypredict:download?outputDirectory=" + dir.resolve("dl"), e -> {
            e.getMessage().setHeader(UnityPredictConstants.REQUEST_ID, requestId);
            e.getMessage().setBody("summary.txt");
        });
        assertThat(download.getException()).isNull();
        File file = download.getMessage().getBody(File.class);
        assertThat(file.toPath()).isEqualTo(dir.resolve("dl/summary.txt"));
        assertThat(Files.readString(file.toPath())).contains("great");
    }

    @Test
    void aFileBodyWithoutFileInputNameIsRejectedClearly() throws Exception {
        Exchange out = template.request("unitypredict:predict?modelId=text-summary",
                e -> e.getMessage().setBody(input().toFile()));
        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fileInputName");
        assertThat(emulator.stats().totalCalls("unitypredict")).isZero();
    }

    @Test
    void downloadWithoutAFileNameIsRejectedClearly() {
        Exchange out = template.request("unitypredict:download",
                e -> e.getMessage().setHeader(UnityPredictConstants.REQUEST_ID, "r1"));
        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(UnityPredictConstants.FILE_NAME);
    }
}

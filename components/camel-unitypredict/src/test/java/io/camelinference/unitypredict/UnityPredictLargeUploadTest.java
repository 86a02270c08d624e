package io.camelinference.unitypredict;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.unitypredict.model.UnityPredictResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1 GiB file goes through initialize, signed-link upload and predict in a JVM whose heap is 64 MiB (the surefire
 * execution "large-upload" runs this class alone with -Xmx64m; the emulator runs in the same JVM).
 */
@Tag("large")
class UnityPredictLargeUploadTest extends UnityPredictTestSupport {

    private static final long ONE_GIB = 1L << 30;

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @TempDir
    Path dir;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Test
    void aOneGibFileStreamsThroughASmallHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("runs with -Xmx64m").isLessThan(100L << 20);
        Path big = dir.resolve("big.txt");
        byte[] line = "lorem ipsum dolor sit amet great results every quarter\n".getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[line.length * 1024];
        for (int i = 0; i < 1024; i++) {
            System.arraycopy(line, 0, chunk, i * line.length, line.length);
        }
        try (OutputStream out = Files.newOutputStream(big)) {
            long written = 0;
            while (written < ONE_GIB) {
                int n = (int) Math.min(chunk.length, ONE_GIB - written);
                out.write(chunk, 0, n);
                written += n;
            }
        }
        assertThat(Files.size(big)).isEqualTo(ONE_GIB);

        Exchange out = template.request("unitypredict:predict?modelId=text-summary&fileInputName=InputFile"
                + "&responseTimeout=5m&outputDirectory=" + dir.resolve("out"), e -> e.getMessage().setBody(big.toFile()));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(UnityPredictResponse.class).status()).isEqualTo("Completed");
        String summary = Files.readString(dir.resolve("out/summary.txt"));
        assertThat(summary).contains(String.valueOf(ONE_GIB));
        Files.delete(big);
    }
}

package io.camelinference.commsmining;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelinference.commsmining.model.CommsMiningPrediction;
import io.camelinference.commsmining.model.RawEmail;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An .eml with a 50 MB attachment goes through predict-raw-emails in a JVM whose heap is 64 MiB (the surefire execution
 * "large-email" runs this class alone with -Xmx64m; the emulator runs in the same JVM): the attachment is measured as
 * it streams past, never held.
 */
@Tag("large")
class CommsMiningLargeEmailTest extends CommsMiningTestSupport {

    private static final long FIFTY_MB = 50L * 1000 * 1000;

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension();

    @TempDir
    Path dir;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Test
    void anEmailWithA50MbAttachmentStreamsThroughA64MibHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("runs with -Xmx64m").isLessThan(100L << 20);
        Path eml = Emails.write(dir.resolve("big.eml"), "Invoice attached", "Please find the invoice INV-2024-0042"
                + " attached, could you send a copy for our records?", null, "scan.pdf", FIFTY_MB);
        assertThat(Files.size(eml)).isGreaterThan(FIFTY_MB);
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        Exchange out = template.request("commsmining:predict-raw-emails?" + DEMO + "&includeComments=true",
                e -> e.getMessage().setBody(eml.toFile()));

        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("commsmining large e-mail: %d bytes of .eml, heap peak %.1f MiB of %.1f MiB%n",
                Files.size(eml), peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
        assertThat(out.getException()).isNull();
        CommsMiningPrediction p = out.getMessage().getBody(CommsMiningPrediction.class);
        assertThat(p.comment().attachments()).containsExactly(new RawEmail.Attachment("scan.pdf", FIFTY_MB,
                "application/pdf"));
        assertThat(p.labels()).isNotEmpty();
        Files.delete(eml);
    }
}

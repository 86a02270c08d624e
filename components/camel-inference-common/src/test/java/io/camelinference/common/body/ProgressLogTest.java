package io.camelinference.common.body;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLogTest {

    @Test
    void reportsBytesAndPercentAndTheEnd() {
        List<String> lines = new ArrayList<>();
        ProgressLog log = new ProgressLog("Uploading big.bin", 4L << 20, 0, lines::add);
        log.advance(1L << 20);
        log.advance(1L << 20);
        log.finish();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("Uploading big.bin: 1.0 MiB of 4.0 MiB (25%)");
        assertThat(lines.get(1)).contains("(50%)");
        assertThat(lines.get(2)).startsWith("Uploading big.bin: done, 2.0 MiB in");
    }

    @Test
    void shortTransfersStaySilent() {
        List<String> lines = new ArrayList<>();
        ProgressLog log = new ProgressLog("Uploading small.txt", 10, 60_000_000_000L, lines::add);
        log.advance(10);
        log.finish();
        assertThat(lines).isEmpty();
        assertThat(log.done()).isEqualTo(10);
    }
}

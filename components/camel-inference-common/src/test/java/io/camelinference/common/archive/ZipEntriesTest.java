package io.camelinference.common.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.common.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZipEntriesTest {

    @TempDir
    Path dir;

    @Test
    void visitsFileEntriesInOrderAndSurvivesAParserClosingTheStream() throws IOException {
        Path zip = zip(Map.of("a/", "", "a/one.json", "{\"x\":1}", "./two.txt", "two"));
        Map<String, String> seen = new LinkedHashMap<>();

        int count = ZipEntries.forEach(zip, (name, in) -> {
            if (name.endsWith(".json")) {
                // Jackson closes its source by default: the next entry must still be readable
                JsonNode node = Json.mapper().readTree(in);
                seen.put(name, node.toString());
            } else {
                seen.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        });

        assertThat(count).isEqualTo(2);
        assertThat(seen).containsEntry("a/one.json", "{\"x\":1}").containsEntry("two.txt", "two");
    }

    @Test
    void aLargeEntryIsStreamedNotBuffered() throws IOException {
        Path zip = dir.resolve("big.zip");
        byte[] block = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("big.bin"));
            for (int i = 0; i < 64; i++) {
                z.write(block);
            }
            z.closeEntry();
        }
        long[] total = {0};
        ZipEntries.forEach(zip, (name, in) -> {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                total[0] += n;
            }
        });
        assertThat(total[0]).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void entryNamesThatLeaveTheArchiveAreRefused() throws IOException {
        Path zip = zip(Map.of("../evil.txt", "x"));
        assertThatThrownBy(() -> ZipEntries.forEach(zip, (name, in) -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("outside the archive");
        assertThatThrownBy(() -> ZipEntries.normalise("/etc/passwd")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ZipEntries.normalise("a/../../b")).isInstanceOf(IOException.class);
        assertThat(ZipEntries.normalise("a\\b.txt")).isEqualTo("a/b.txt");
    }

    @Test
    void aFileThatIsNotAZipFailsClearly() throws IOException {
        Path notZip = Files.writeString(dir.resolve("x.zip"), "{\"message\":\"Access denied\"}");
        assertThatThrownBy(() -> ZipEntries.forEach(notZip, (name, in) -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("Not a zip archive");
    }

    private Path zip(Map<String, String> entries) throws IOException {
        Path zip = dir.resolve("test-" + System.nanoTime() + ".zip");
        List<String> names = new ArrayList<>(entries.keySet());
        names.sort(null);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : names) {
                z.putNextEntry(new ZipEntry(name));
                z.write(entries.get(name).getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }
}

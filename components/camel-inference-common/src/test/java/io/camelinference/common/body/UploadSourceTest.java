package io.camelinference.common.body;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadSourceTest {

    @TempDir
    Path dir;

    private static String read(UploadSource source) throws Exception {
        try (ReadableByteChannel channel = source.open()) {
            ByteBuffer buffer = ByteBuffer.allocate(1024);
            while (channel.read(buffer) > 0) {
                // fill
            }
            buffer.flip();
            return StandardCharsets.UTF_8.decode(buffer).toString();
        }
    }

    @Test
    void filesAndPathsKeepTheirNameAndSize() throws Exception {
        Path file = dir.resolve("doc.txt");
        Files.writeString(file, "hello");
        for (Object body : new Object[] { file, file.toFile() }) {
            UploadSource source = UploadSource.from(body, "fallback");
            assertThat(source.name()).isEqualTo("doc.txt");
            assertThat(source.length()).isEqualTo(5);
            assertThat(source.replayable()).isTrue();
            assertThat(read(source)).isEqualTo("hello");
            assertThat(read(source)).as("a file can be read again for a retry").isEqualTo("hello");
        }
    }

    @Test
    void streamsAreReadOnceAndSpooledWhenALengthIsNeeded() throws Exception {
        UploadSource stream = UploadSource.from(new ByteArrayInputStream("abc".getBytes()), "s.bin");
        assertThat(stream.length()).isEqualTo(-1);

        UploadSource known = stream.withKnownLength(dir.resolve("spool"));
        assertThat(known.length()).isEqualTo(3);
        assertThat(known.name()).isEqualTo("s.bin");
        assertThat(read(known)).isEqualTo("abc");
        List<Path> spooled = new ArrayList<>();
        try (var files = Files.list(dir.resolve("spool"))) {
            files.forEach(spooled::add);
        }
        assertThat(spooled).hasSize(1);
        known.release();
        assertThat(spooled.get(0)).doesNotExist();
    }

    @Test
    void aStreamIsSpooledOnceAndReleasingTheOriginalDeletesTheCopy() throws Exception {
        UploadSource stream = UploadSource.ofStream("s.bin", new ByteArrayInputStream("abc".getBytes()));
        Path spoolDir = dir.resolve("spool");

        UploadSource first = stream.withKnownLength(spoolDir);
        UploadSource again = stream.withKnownLength(spoolDir);

        assertThat(again).as("a job submitted again sends the same copy").isSameAs(first);
        assertThat(read(again)).isEqualTo("abc");
        try (var files = Files.list(spoolDir)) {
            assertThat(files.count()).isEqualTo(1);
        }
        stream.release();
        try (var files = Files.list(spoolDir)) {
            assertThat(files.toList()).as("whoever holds the original cleans up").isEmpty();
        }
    }

    @Test
    void aStreamThatFailsWhileSpoolingLeavesNoCopyBehind() {
        java.io.InputStream failing = new java.io.InputStream() {
            private int sent;

            @Override
            public int read() throws java.io.IOException {
                if (sent++ < 10_000) {
                    return 'x';
                }
                throw new java.io.IOException("connection reset while reading the body");
            }
        };
        UploadSource stream = UploadSource.ofStream("s.bin", failing);

        assertThatThrownBy(() -> stream.withKnownLength(dir.resolve("spool")))
                .hasMessageContaining("Cannot spool upload s.bin");

        assertThat(dir.resolve("spool").toFile().list()).isEmpty();
    }

    @Test
    void aStreamCannotBeOpenedTwice() throws Exception {
        UploadSource stream = UploadSource.ofStream("s", new ByteArrayInputStream(new byte[] { 1 }));
        stream.open().close();
        assertThat(stream.replayable()).isFalse();
        assertThatThrownBy(stream::open).hasMessageContaining("already consumed");
    }

    @Test
    void onlyFileContentIsUploadable() {
        assertThat(UploadSource.isUploadable(new File("x"))).isTrue();
        assertThat(UploadSource.isUploadable(new byte[0])).isTrue();
        assertThat(UploadSource.isUploadable("text")).isFalse();
        assertThat(UploadSource.isUploadable(java.util.Map.of())).isFalse();
        assertThat(UploadSource.from("text", "n")).isNull();
    }

    @Test
    void filesFromCamelsFileConsumerAreRecognisedAsWrappedFilesAndReadFromDisk() throws Exception {
        Path file = dir.resolve("picked-up.pdf");
        Files.writeString(file, "%PDF-1.4 body");
        org.apache.camel.WrappedFile<File> wrapped = new org.apache.camel.WrappedFile<>() {
            @Override
            public File getFile() {
                return file.toFile();
            }

            @Override
            public Object getBody() {
                return null; // the content was never loaded: it must be read from the file
            }

            @Override
            public long getFileLength() {
                return 13;
            }
        };
        assertThat(UploadSource.isUploadable(wrapped)).isTrue();
        UploadSource source = UploadSource.from(wrapped, "fallback");
        assertThat(source.name()).isEqualTo("picked-up.pdf");
        assertThat(source.length()).isEqualTo(13);
        assertThat(read(source)).isEqualTo("%PDF-1.4 body");
    }

    @Test
    void aMissingFileIsRejectedClearly() {
        assertThatThrownBy(() -> UploadSource.ofPath(dir.resolve("nope.txt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.txt");
    }
}

package io.camelinference.common.body;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MultipartFormBodyTest {

    /** Takes at most {@code perWrite} bytes per write, like a congested connection. */
    static final class Sink implements DataStreamChannel {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int perWrite;
        boolean ended;
        int outputRequests;

        Sink(int perWrite) {
            this.perWrite = perWrite;
        }

        @Override
        public void requestOutput() {
            outputRequests++;
        }

        @Override
        public int write(ByteBuffer src) {
            int n = Math.min(perWrite, src.remaining());
            byte[] chunk = new byte[n];
            src.get(chunk);
            bytes.writeBytes(chunk);
            return n;
        }

        @Override
        public void endStream() {
            ended = true;
        }

        @Override
        public void endStream(List<? extends Header> trailers) {
            ended = true;
        }
    }

    static String produce(AsyncEntityProducer producer, Sink sink) throws Exception {
        for (int i = 0; i < 100_000 && !sink.ended; i++) {
            producer.produce(sink);
        }
        producer.releaseResources();
        assertThat(sink.ended).isTrue();
        return sink.bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void fieldsAndAStreamedFileMakeAWellFormedBodyOfTheAnnouncedLength(@TempDir Path dir) throws Exception {
        byte[] image = new byte[200_000];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("photo \"1\".png"), image);
        MultipartFormBody body = MultipartFormBody.builder()
                .file("inputs[0]image.source", UploadSource.ofPath(file), ContentType.IMAGE_PNG)
                .field("show_discarded", "true")
                .build();

        AsyncEntityProducer producer = body.newProducer();
        assertThat(producer.getContentType()).startsWith("multipart/form-data; boundary=" + body.boundary());
        assertThat(producer.isChunked()).isFalse();
        Sink sink = new Sink(10_000);
        String text = produce(producer, sink);

        assertThat((long) sink.bytes.size()).isEqualTo(body.length()).isEqualTo(producer.getContentLength());
        assertThat(sink.outputRequests).as("partial writes ask for more output").isPositive();
        String b = body.boundary();
        assertThat(text).startsWith("--" + b + "\r\nContent-Disposition: form-data; name=\"inputs[0]image.source\";"
                + " filename=\"photo %221%22.png\"\r\nContent-Type: image/png\r\n\r\n");
        assertThat(text).endsWith("\r\n--" + b + "\r\nContent-Disposition: form-data; name=\"show_discarded\"\r\n\r\n"
                + "true\r\n--" + b + "--\r\n");
        int start = text.indexOf("\r\n\r\n") + 4;
        byte[] sent = java.util.Arrays.copyOfRange(sink.bytes.toByteArray(), start, start + image.length);
        assertThat(sent).isEqualTo(image);
        assertThat(body.replayable()).isTrue();
        // a second attempt produces the same bytes
        Sink again = new Sink(1 << 20);
        produce(body.newProducer(), again);
        assertThat(again.bytes.toByteArray()).isEqualTo(sink.bytes.toByteArray());
    }

    @Test
    void aStreamOfUnknownLengthIsSentChunkedAndOnlyOnce() throws Exception {
        UploadSource stream = UploadSource.ofStream("data.bin", new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)));
        MultipartFormBody body = MultipartFormBody.builder().file("f", stream, ContentType.APPLICATION_OCTET_STREAM).build();
        AsyncEntityProducer producer = body.newProducer();
        assertThat(body.length()).isEqualTo(-1);
        assertThat(producer.isChunked()).isTrue();
        String text = produce(producer, new Sink(7));
        assertThat(text).contains("\r\n\r\nabc\r\n--" + body.boundary() + "--\r\n");
        assertThat(body.replayable()).isFalse();
    }
}

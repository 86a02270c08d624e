package io.camelinference.common.body;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * A {@code multipart/form-data} body whose file parts are streamed from their {@link UploadSource}s in 64 KiB
 * chunks, never read into memory. Text fields and part headers are small and kept as bytes. The length is sent when
 * every file's length is known; otherwise the body is chunked.
 *
 * <pre>{@code
 * RequestBody body = MultipartFormBody.builder()
 *         .file("inputs[0]image.source", source, ContentType.IMAGE_PNG)
 *         .field("show_discarded", "true")
 *         .build();
 * }</pre>
 */
public final class MultipartFormBody implements RequestBody {

    private final String boundary;
    /** byte[] for headers, fields and delimiters; UploadSource for file content. */
    private final List<Object> segments;
    private final List<UploadSource> sources;
    private final String description;

    private MultipartFormBody(String boundary, List<Object> segments, List<UploadSource> sources) {
        this.boundary = boundary;
        this.segments = List.copyOf(segments);
        this.sources = List.copyOf(sources);
        this.description = sources.isEmpty() ? "form" : sources.get(0).name()
                + (sources.size() > 1 ? " and " + (sources.size() - 1) + " more" : "");
    }

    public static Builder builder() {
        return new Builder();
    }

    public String boundary() {
        return boundary;
    }

    /** {@code multipart/form-data; boundary=...}. */
    public ContentType contentType() {
        return ContentType.create("multipart/form-data").withParameters(
                new org.apache.hc.core5.http.message.BasicNameValuePair("boundary", boundary));
    }

    /** Total length in bytes, or -1 when a file part has an unknown length (the body is then sent chunked). */
    public long length() {
        long total = 0;
        for (Object segment : segments) {
            if (segment instanceof byte[] bytes) {
                total += bytes.length;
            } else {
                long l = ((UploadSource) segment).length();
                if (l < 0) {
                    return -1;
                }
                total += l;
            }
        }
        return total;
    }

    @Override
    public AsyncEntityProducer newProducer() {
        long length = length();
        return new ChannelEntityProducer(segments, length, contentType(), new ProgressLog("Uploading " + description, length));
    }

    @Override
    public boolean replayable() {
        return sources.stream().allMatch(UploadSource::replayable);
    }

    @Override
    public boolean streamed() {
        return !sources.isEmpty();
    }

    /** Builds the parts in order. */
    public static final class Builder {
        private final String boundary = "----camel-inference-" + UUID.randomUUID().toString().replace("-", "");
        private final List<Object> segments = new ArrayList<>();
        private final List<UploadSource> sources = new ArrayList<>();

        /** A text field. */
        public Builder field(String name, String value) {
            segments.add(ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + escape(name)
                    + "\"\r\n\r\n"));
            segments.add(value.getBytes(StandardCharsets.UTF_8));
            segments.add(ascii("\r\n"));
            return this;
        }

        /** A file part, streamed from the source; its file name is the source's name. */
        public Builder file(String name, UploadSource source, ContentType type) {
            segments.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + escape(name)
                    + "\"; filename=\"" + escape(source.name()) + "\"\r\nContent-Type: " + type.toString()
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            segments.add(source);
            segments.add(ascii("\r\n"));
            sources.add(source);
            return this;
        }

        public MultipartFormBody build() {
            List<Object> all = new ArrayList<>(segments);
            all.add(ascii("--" + boundary + "--\r\n"));
            return new MultipartFormBody(boundary, all, sources);
        }

        private static byte[] ascii(String s) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }

        /** Quotes and line breaks would end the header value early. */
        private static String escape(String s) {
            return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
        }
    }
}

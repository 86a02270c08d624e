package io.camelinference.common.body;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.List;
import java.util.Set;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * Streams a body to the wire as the connection can take it: a sequence of segments, each either small bytes (headers,
 * form fields, delimiters) or an {@link UploadSource} read through one 64 KiB buffer, so an upload of any size uses
 * one buffer of heap. Reports progress to a {@link ProgressLog}. One instance per attempt of a request.
 */
public final class ChannelEntityProducer implements AsyncEntityProducer {

    private static final int CHUNK = 64 * 1024;

    /** Each element is a {@code byte[]} or an {@link UploadSource}. */
    private final List<Object> segments;
    private final long length;
    private final ContentType contentType;
    private final ProgressLog progress;
    private int next;
    private ReadableByteChannel channel;
    private ByteBuffer buffer;
    private ByteBuffer chunk;

    /** One source as the whole body. */
    public ChannelEntityProducer(UploadSource source, ContentType contentType, ProgressLog progress) {
        this(List.of(source), source.length(), contentType, progress);
    }

    /**
     * @param segments    {@code byte[]} and {@link UploadSource} elements, sent in order
     * @param length      their total length, or -1 to send the body chunked
     */
    public ChannelEntityProducer(List<Object> segments, long length, ContentType contentType, ProgressLog progress) {
        for (Object segment : segments) {
            if (!(segment instanceof byte[]) && !(segment instanceof UploadSource)) {
                throw new IllegalArgumentException("A body segment must be byte[] or UploadSource, not " + segment);
            }
        }
        this.segments = List.copyOf(segments);
        this.length = length;
        this.contentType = contentType;
        this.progress = progress;
    }

    @Override
    public boolean isRepeatable() {
        return segments.stream().allMatch(s -> s instanceof byte[] || ((UploadSource) s).replayable());
    }

    @Override
    public String getContentType() {
        return contentType.toString();
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public String getContentEncoding() {
        return null;
    }

    @Override
    public boolean isChunked() {
        return length < 0;
    }

    @Override
    public Set<String> getTrailerNames() {
        return Set.of();
    }

    @Override
    public int available() {
        return buffer != null && buffer.hasRemaining() ? buffer.remaining() : CHUNK;
    }

    @Override
    public void produce(DataStreamChannel out) throws IOException {
        while (true) {
            if ((buffer == null || !buffer.hasRemaining()) && !fill()) {
                progress.finish();
                out.endStream();
                return;
            }
            int written = out.write(buffer);
            if (written > 0) {
                progress.advance(written);
            }
            if (buffer.hasRemaining()) {
                // the connection is full; HttpClient calls produce() again when it can take more
                out.requestOutput();
                return;
            }
        }
    }

    /** Loads the next bytes to write; false at the end of the body. */
    private boolean fill() throws IOException {
        while (true) {
            if (channel != null) {
                if (chunk == null) {
                    chunk = ByteBuffer.allocate(CHUNK);
                }
                chunk.clear();
                int read = channel.read(chunk);
                chunk.flip();
                if (read > 0) {
                    buffer = chunk;
                    return true;
                }
                if (read < 0) {
                    channel.close();
                    channel = null;
                }
                continue;
            }
            if (next >= segments.size()) {
                return false;
            }
            Object segment = segments.get(next++);
            if (segment instanceof byte[] bytes) {
                if (bytes.length > 0) {
                    buffer = ByteBuffer.wrap(bytes);
                    return true;
                }
            } else {
                channel = ((UploadSource) segment).open();
            }
        }
    }

    @Override
    public void failed(Exception cause) {
        releaseResources();
    }

    @Override
    public void releaseResources() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to do with a channel we are abandoning
            }
            channel = null;
        }
    }
}

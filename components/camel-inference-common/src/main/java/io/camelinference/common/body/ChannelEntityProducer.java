package io.camelinference.common.body;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Set;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * Streams an {@link UploadSource} to the wire in 64 KiB chunks as the connection can take them, so an upload of any
 * size uses one buffer of heap. Reports progress to a {@link ProgressLog}.
 */
public final class ChannelEntityProducer implements AsyncEntityProducer {

    private static final int CHUNK = 64 * 1024;

    private final UploadSource source;
    private final ContentType contentType;
    private final ProgressLog progress;
    private ReadableByteChannel channel;
    private ByteBuffer buffer;
    private boolean eof;

    public ChannelEntityProducer(UploadSource source, ContentType contentType, ProgressLog progress) {
        this.source = source;
        this.contentType = contentType;
        this.progress = progress;
    }

    @Override
    public boolean isRepeatable() {
        return source.replayable();
    }

    @Override
    public String getContentType() {
        return contentType.toString();
    }

    @Override
    public long getContentLength() {
        return source.length();
    }

    @Override
    public String getContentEncoding() {
        return null;
    }

    @Override
    public boolean isChunked() {
        return source.length() < 0;
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
        if (channel == null) {
            channel = source.open();
            buffer = ByteBuffer.allocate(CHUNK);
            buffer.flip();
        }
        while (true) {
            if (!buffer.hasRemaining()) {
                if (eof) {
                    progress.finish();
                    out.endStream();
                    return;
                }
                buffer.clear();
                int read = channel.read(buffer);
                buffer.flip();
                if (read < 0) {
                    eof = true;
                    continue;
                }
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

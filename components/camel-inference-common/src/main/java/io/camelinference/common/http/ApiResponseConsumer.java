package io.camelinference.common.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;

/**
 * Reads a response as it arrives. A successful download is written straight to its file (flat heap whatever its
 * size); anything else (JSON answers, error bodies) is kept in memory up to a cap.
 */
final class ApiResponseConsumer extends AbstractBinResponseConsumer<ApiResponse> {

    /** JSON answers and error bodies are small; a larger one means something is wrong. */
    static final int MAX_IN_MEMORY = 64 * 1024 * 1024;

    private final Path downloadTo;
    private int status;
    private Map<String, String> headers;
    private FileChannel file;
    /** Allocated when the first bytes arrive: requests waiting for a pooled connection hold no buffer. */
    private byte[] buffer;
    private int size;

    ApiResponseConsumer(Path downloadTo) {
        this.downloadTo = downloadTo;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) throws IOException {
        status = response.getCode();
        headers = new HashMap<>();
        for (Header h : response.getHeaders()) {
            headers.put(h.getName().toLowerCase(Locale.ROOT), h.getValue());
        }
        if (downloadTo != null && status >= 200 && status < 300) {
            Path parent = downloadTo.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            file = FileChannel.open(downloadTo, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }
    }

    @Override
    protected int capacityIncrement() {
        return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        if (file != null) {
            while (src.hasRemaining()) {
                file.write(src);
            }
            if (endOfStream) {
                file.close();
            }
            return;
        }
        int n = src.remaining();
        if (size + n > MAX_IN_MEMORY) {
            throw new IOException("Response body larger than " + MAX_IN_MEMORY + " bytes where a JSON answer was expected");
        }
        if (buffer == null) {
            buffer = new byte[Math.max(8192, n)];
        } else if (size + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + n));
        }
        src.get(buffer, size, n);
        size += n;
    }

    @Override
    protected ApiResponse buildResult() {
        closeFile();
        if (file != null) {
            return new ApiResponse(status, headers, new byte[0], downloadTo);
        }
        return new ApiResponse(status, headers, buffer == null ? new byte[0] : Arrays.copyOf(buffer, size), null);
    }

    @Override
    public void releaseResources() {
        closeFile();
    }

    private void closeFile() {
        if (file != null && file.isOpen()) {
            try {
                file.close();
            } catch (IOException ignored) {
                // the result (or failure) is already decided
            }
        }
    }
}

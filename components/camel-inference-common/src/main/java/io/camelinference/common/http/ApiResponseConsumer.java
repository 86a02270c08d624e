package io.camelinference.common.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.UUID;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;

/**
 * Reads a response as it arrives. A successful download is written straight to disk (flat heap whatever its size),
 * first to a hidden {@code .part} file beside its target that becomes the target only once the whole body arrived: a
 * download cut short (dropped, timed out, cancelled) leaves neither a truncated file under the target's name nor the
 * part. Anything else (JSON answers, error bodies) is kept in memory, in a buffer sized from {@code Content-Length}
 * when the service sends one, within the client's {@link ResponseBudget}.
 */
final class ApiResponseConsumer extends AbstractBinResponseConsumer<ApiResponse> {

    private static final int FIRST_CHUNK = 4096;

    private final Path downloadTo;
    private final ResponseBudget budget;
    private int status;
    private Header[] headers;
    private FileChannel file;
    private Path part;
    private boolean downloaded;
    /** Allocated when the answer starts: requests waiting for a connection hold no buffer. */
    private byte[] buffer;
    private int size;
    private long reserved;

    ApiResponseConsumer(Path downloadTo, ResponseBudget budget) {
        this.downloadTo = downloadTo;
        this.budget = budget;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) throws IOException {
        status = response.getCode();
        headers = response.getHeaders();
        if (downloadTo != null && status >= 200 && status < 300) {
            Path parent = downloadTo.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // hidden (Camel's file consumer skips dot files, so a route polling the directory never takes a part);
            // created as any file is, not with a temp file's owner-only permissions, as it becomes the output
            part = parent.resolve("." + downloadTo.getFileName() + "." + UUID.randomUUID() + ".part");
            file = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return;
        }
        long declared = contentLength(response);
        if (declared > budget.maxOne()) {
            throw tooLarge(declared);
        }
        if (declared >= 0) {
            grow((int) declared);
        }
    }

    private static long contentLength(HttpResponse response) {
        Header h = response.getFirstHeader("Content-Length");
        if (h == null) {
            return -1;
        }
        try {
            return Long.parseLong(h.getValue().trim());
        } catch (NumberFormatException e) {
            return -1;
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
        if (n == 0) {
            return;
        }
        if (buffer == null || size + n > buffer.length) {
            long wanted = Math.max((long) size + n, buffer == null ? Math.max(FIRST_CHUNK, n) : buffer.length * 2L);
            if ((long) size + n > budget.maxOne()) {
                throw tooLarge((long) size + n);
            }
            grow((int) Math.min(wanted, budget.maxOne()));
        }
        src.get(buffer, size, n);
        size += n;
    }

    private void grow(int capacity) throws IOException {
        int current = buffer == null ? 0 : buffer.length;
        if (capacity <= current) {
            return;
        }
        if (!budget.tryReserve(capacity - current)) {
            throw new IOException("Answers being read already take " + budget.used() + " bytes of the "
                    + budget.maxTotal() + " the client may hold in memory (maxResponseMemory); this answer needs "
                    + capacity + " bytes. Lower the concurrency or raise maxResponseMemory");
        }
        reserved += capacity - current;
        buffer = buffer == null ? new byte[capacity] : Arrays.copyOf(buffer, capacity);
    }

    private IOException tooLarge(long bytes) {
        return new IOException("The answer (HTTP " + status + ") is " + bytes + " bytes, more than the "
                + budget.maxOne() + " an answer read into memory may be (maxResponseSize)");
    }

    @Override
    protected ApiResponse buildResult() {
        closeFile();
        if (file != null) {
            try {
                moveIntoPlace();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot move the downloaded " + part.getFileName() + " to " + downloadTo, e);
            }
            downloaded = true;
            return new ApiResponse(status, headers, new byte[0], downloadTo);
        }
        byte[] body = buffer == null ? new byte[0] : size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        return new ApiResponse(status, headers, body, null);
    }

    private void moveIntoPlace() throws IOException {
        try {
            Files.move(part, downloadTo, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, downloadTo, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void releaseResources() {
        closeFile();
        if (part != null && !downloaded) {
            try {
                Files.deleteIfExists(part); // cut short: nothing half-written stays behind
            } catch (IOException ignored) {
                // the failure of the download is what the caller hears about
            }
        }
        if (reserved > 0) {
            budget.release(reserved);
            reserved = 0;
        }
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

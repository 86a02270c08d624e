package io.camelinference.common.body;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.apache.camel.WrappedFile;

/**
 * Content to upload, named and sized, that can be opened as a channel without reading it into memory.
 * Built from the body types routes carry: {@link File}, {@link Path}, Camel's file consumer body (a
 * {@link WrappedFile} of a File), {@link InputStream} and {@code byte[]}.
 */
public final class UploadSource {

    private final String name;
    private final long length;
    private final Path path;
    private final byte[] bytes;
    private InputStream stream;
    private final boolean temporary;
    /** The temporary copy of a stream, made once by {@link #withKnownLength(Path)} and deleted by {@link #release()}. */
    private UploadSource spooled;

    private UploadSource(String name, long length, Path path, byte[] bytes, InputStream stream, boolean temporary) {
        this.name = name;
        this.length = length;
        this.path = path;
        this.bytes = bytes;
        this.stream = stream;
        this.temporary = temporary;
    }

    public static UploadSource ofPath(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("Cannot upload " + path + ": not a readable regular file");
        }
        try {
            return new UploadSource(path.getFileName().toString(), Files.size(path), path, null, null, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + path, e);
        }
    }

    public static UploadSource ofBytes(String name, byte[] bytes) {
        return new UploadSource(name, bytes.length, null, bytes, null, false);
    }

    /** A stream of unknown length; see {@link #withKnownLength(Path)}. */
    public static UploadSource ofStream(String name, InputStream stream) {
        return new UploadSource(name, -1, null, null, stream, false);
    }

    /** True for the body types that are uploaded as files (not String, not Map). */
    public static boolean isUploadable(Object body) {
        return body instanceof File || body instanceof Path || body instanceof InputStream || body instanceof byte[]
                || (body instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof File);
    }

    /**
     * The upload source for a message body, or null when the body is not file content.
     *
     * @param body         the message body
     * @param fallbackName name to use when the body carries none (stream, bytes)
     */
    public static UploadSource from(Object body, String fallbackName) {
        if (body instanceof File file) {
            return ofPath(file.toPath());
        }
        if (body instanceof Path path) {
            return ofPath(path);
        }
        if (body instanceof byte[] data) {
            return ofBytes(fallbackName, data);
        }
        if (body instanceof InputStream in) {
            return ofStream(fallbackName, in);
        }
        if (body instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof File file) {
            // a file from Camel's file consumer (GenericFile): read from disk, never loaded into memory
            return ofPath(file.toPath());
        }
        return null;
    }

    /**
     * A source with a known length: signed upload URLs (S3 and the like) refuse chunked bodies, so a stream of
     * unknown length is first copied to a temporary file in {@code tempDir}, streaming, never into memory. The copy is
     * made once: a later call (a job submitted again) gets the same one, and {@link #release()} of this source deletes
     * it, so whoever holds the original source can clean up. Call it off the I/O threads: it blocks while copying.
     */
    public synchronized UploadSource withKnownLength(Path tempDir) {
        if (length >= 0) {
            return this;
        }
        if (spooled != null) {
            return spooled;
        }
        if (stream == null) {
            throw new IllegalStateException("The stream of " + name + " was already consumed");
        }
        Path spool = null;
        try {
            Files.createDirectories(tempDir);
            spool = Files.createTempFile(tempDir, "upload-", ".spool");
            try (InputStream in = stream) {
                Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
            }
            stream = null;
            spooled = new UploadSource(name, Files.size(spool), spool, null, null, true);
            return spooled;
        } catch (IOException e) {
            delete(spool); // a half-written copy (disk full, a failing stream) is not left behind
            throw new UncheckedIOException("Cannot spool upload " + name + " to " + tempDir, e);
        }
    }

    public String name() {
        return name;
    }

    /** Size in bytes, or -1 when unknown. */
    public long length() {
        return length;
    }

    /**
     * Whether the content can be produced again for a retry: files and bytes can, a stream cannot (a request that
     * failed before it was sent can still be retried, as its stream was never read).
     */
    public boolean replayable() {
        return path != null || bytes != null;
    }

    /** Opens the content for reading; the caller closes the channel. */
    public ReadableByteChannel open() throws IOException {
        if (path != null) {
            return FileChannel.open(path, StandardOpenOption.READ);
        }
        if (bytes != null) {
            return Channels.newChannel(new ByteArrayInputStream(bytes));
        }
        if (stream == null) {
            throw new IOException("The stream of " + name + " was already consumed");
        }
        InputStream once = stream;
        stream = null;
        return Channels.newChannel(once);
    }

    /** Deletes the spool file, if this source is one or made one. */
    public void release() {
        if (temporary) {
            delete(path);
        }
        UploadSource copy;
        synchronized (this) {
            copy = spooled;
        }
        if (copy != null) {
            copy.release();
        }
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temp file is not worth failing the exchange for
        }
    }
}

package io.camelinference.annolab.binding;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import io.camelinference.annolab.AnnoLabConstants;
import io.camelinference.annolab.operation.Document;
import io.camelinference.common.body.UploadSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads a message body as a document to create as an AnnoLab source: a PDF (by content type or file extension),
 * uploaded streaming through the signed URL, or text, sent in create-text's JSON. Checked before anything is sent: an
 * empty, unsupported or too large document fails here, with no call made. A PDF stream is not spooled here but by the
 * operation ({@link Document#withKnownLength}): a call refused before it starts (the spend limit) must leave no file.
 */
public final class DocumentReader {

    /** AnnoLab takes text inline in a JSON body; beyond this a document must go as a PDF (streamed). */
    public static final int MAX_TEXT_BYTES = 16 * 1024 * 1024;

    private DocumentReader() {
    }

    /**
     * @throws IllegalArgumentException for a missing, unsupported, empty or too large body
     */
    static Document read(Exchange exchange, String operation) {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        String explicitName = in.getHeader(AnnoLabConstants.SOURCE_NAME, String.class);
        String fileName = in.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (body == null) {
            throw new IllegalArgumentException("annolab:" + operation + " needs a document (File, Path, InputStream,"
                    + " byte array or String) or a List of source ids, but the body is empty");
        }
        if (body instanceof String s) {
            if (s.isBlank()) {
                throw new IllegalArgumentException("annolab:" + operation + " got an empty text document: nothing to"
                        + " annotate, nothing was sent to AnnoLab");
            }
            return new Document(sourceName(explicitName, fileName != null ? fileName : "document.txt"), false, s, null);
        }
        if (!UploadSource.isUploadable(body)) {
            throw new IllegalArgumentException("annolab:" + operation + " cannot annotate a body of type "
                    + body.getClass().getName() + ": send a File, Path, InputStream, byte array, String, or a List of"
                    + " source ids");
        }
        String fallback = fileName != null ? fileName : isPdfType(contentType) ? "document.pdf" : "document.txt";
        UploadSource source = UploadSource.from(body, fallback);
        String base = source.name();
        if (isPdfType(contentType) || base.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            UploadSource pdf = body instanceof InputStream stream ? nonEmpty(stream, base, operation) : source;
            if (pdf.length() == 0) {
                throw empty(operation, base);
            }
            return new Document(sourceName(explicitName, base), true, null, pdf);
        }
        String text = readText(source);
        if (text.isBlank()) {
            throw empty(operation, base);
        }
        return new Document(sourceName(explicitName, base), false, text, null);
    }

    /**
     * A stream's first byte is read (and put back) to refuse an empty one here, before anything is sent, without
     * copying it to disk yet.
     */
    private static UploadSource nonEmpty(InputStream stream, String name, String operation) {
        PushbackInputStream peekable = new PushbackInputStream(stream, 1);
        try {
            int first = peekable.read();
            if (first < 0) {
                throw empty(operation, name);
            }
            peekable.unread(first);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the document " + name, e);
        }
        return UploadSource.ofStream(name, peekable);
    }

    private static IllegalArgumentException tooLarge(UploadSource source) {
        return new IllegalArgumentException("annolab text document '" + source.name() + "' is larger than "
                + MAX_TEXT_BYTES / (1024 * 1024) + " MiB: AnnoLab takes text inline in one JSON request, so send a"
                + " document this large as a PDF (uploaded streamed) or split it; nothing was sent to AnnoLab");
    }

    private static IllegalArgumentException empty(String operation, String name) {
        return new IllegalArgumentException("annolab:" + operation + " got an empty document '" + name + "': nothing"
                + " to annotate, nothing was sent to AnnoLab");
    }

    private static boolean isPdfType(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/pdf");
    }

    /**
     * Text goes into create-text's JSON body, so it is read whole (AnnoLab's API has no streamed text upload); a text
     * larger than {@link #MAX_TEXT_BYTES} is refused rather than risking the heap: send such a document as a PDF.
     */
    private static String readText(UploadSource source) {
        if (source.length() > MAX_TEXT_BYTES) {
            throw tooLarge(source);
        }
        try (ReadableByteChannel channel = source.open(); InputStream in = Channels.newInputStream(channel)) {
            byte[] text = in.readNBytes(MAX_TEXT_BYTES + 1);
            if (text.length > MAX_TEXT_BYTES) {
                throw tooLarge(source);
            }
            return new String(text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the document " + source.name(), e);
        }
    }

    /**
     * Source names are unique within a directory: unless the message names the source exactly, a short random suffix
     * keeps a second document with the same file name from colliding with the first. Chosen once per message: the
     * infer chain stores it before creating the source, and a resumed message uses the stored name.
     */
    static String sourceName(String explicit, String base) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        String clean = base.replace('\\', '/');
        clean = clean.substring(clean.lastIndexOf('/') + 1);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        int dot = clean.lastIndexOf('.');
        return dot > 0 ? clean.substring(0, dot) + "-" + suffix + clean.substring(dot) : clean + "-" + suffix;
    }
}

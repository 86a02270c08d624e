package io.camelinference.commsmining.mime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelinference.commsmining.model.RawEmailDocument;
import io.camelinference.common.body.UploadSource;
import io.camelinference.common.operation.MessageValues;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Reads a raw e-mail from a message body with Apache James mime4j's streaming parser: the .eml content is read once,
 * from disk or the stream, in small buffers; only the header block and the text bodies are kept. Accepts an .eml File
 * or Path, a file from the file consumer, an InputStream, a byte array, a String of MIME text, a jakarta.mail Part
 * (MimeMessage, written to a spool file first), or a RawEmailDocument (sent as it is).
 */
public final class RawEmails {

    private static final MimeConfig CONFIG = MimeConfig.custom().setMaxLineLen(64 * 1024).setMaxHeaderLen(1024 * 1024)
            .setMaxHeaderCount(10_000).setMaxContentLen(-1).build();
    static final String ACCEPTED = "an .eml File or Path, an InputStream, a byte array, a String of MIME text, a"
            + " jakarta.mail MimeMessage, a RawEmailDocument, or a List of them";

    private RawEmails() {
    }

    public static RawEmailDocument read(Object body, String name, Path spoolDirectory) {
        if (body instanceof RawEmailDocument document) {
            return document;
        }
        if (body == null) {
            throw new IllegalArgumentException("commsmining:predict-raw-emails needs an e-mail but the body is empty:"
                    + " send " + ACCEPTED);
        }
        if (body instanceof CharSequence text) {
            body = text.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (JakartaMail.isPart(body)) {
            Path spooled = JakartaMail.spool(body, spoolDirectory);
            try {
                return read(UploadSource.ofPath(spooled), name);
            } finally {
                deleteQuietly(spooled);
            }
        }
        UploadSource source = UploadSource.from(body, name);
        if (source == null) {
            throw new IllegalArgumentException("commsmining:predict-raw-emails cannot read " + name + " ("
                    + MessageValues.describe(body) + ") as an e-mail: send " + ACCEPTED + "; nothing was sent");
        }
        return read(source, source.name());
    }

    private static RawEmailDocument read(UploadSource source, String name) {
        if (source.length() == 0) {
            throw new IllegalArgumentException("commsmining:predict-raw-emails: " + name + " is empty; nothing was sent");
        }
        MimeEmailHandler handler = new MimeEmailHandler(name);
        MimeStreamParser parser = new MimeStreamParser(CONFIG);
        parser.setContentDecoding(true);
        // a forwarded e-mail (message/rfc822) is an attachment to describe, not more body to read
        parser.setNoRecurse();
        parser.setContentHandler(handler);
        try (InputStream in = Channels.newInputStream(source.open())) {
            parser.parse(in);
        } catch (MimeException e) {
            throw new IllegalArgumentException("commsmining:predict-raw-emails cannot parse " + name + " as MIME: "
                    + e.getMessage() + "; nothing was sent", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the e-mail " + name, e);
        }
        return new RawEmailDocument(handler.email(), null);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover spool file is not worth failing the message for
        }
    }
}

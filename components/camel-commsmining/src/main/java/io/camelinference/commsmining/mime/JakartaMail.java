package io.camelinference.commsmining.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A jakarta.mail MimeMessage (any jakarta.mail Part) as a body, without requiring Jakarta Mail: the type is recognised
 * by name, and only then is the class that uses the API loaded, which writes the message to a spool file to be parsed
 * like an .eml.
 */
final class JakartaMail {

    private static final String PART = "jakarta.mail.Part";

    private JakartaMail() {
    }

    static boolean isPart(Object body) {
        for (Class<?> c = body.getClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (implementsPart(i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean implementsPart(Class<?> type) {
        if (PART.equals(type.getName())) {
            return true;
        }
        for (Class<?> i : type.getInterfaces()) {
            if (implementsPart(i)) {
                return true;
            }
        }
        return false;
    }

    static Path spool(Object part, Path directory) {
        try {
            Files.createDirectories(directory);
            Path file = Files.createTempFile(directory, "email-", ".eml");
            try (OutputStream out = Files.newOutputStream(file)) {
                Writer.write(part, out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot spool the MimeMessage to " + directory, e);
        }
    }

    /** Loaded only for a Jakarta Mail body, so the API is needed only by applications that send one. */
    private static final class Writer {
        static void write(Object part, OutputStream out) throws IOException {
            try {
                ((jakarta.mail.Part) part).writeTo(out);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalArgumentException("commsmining:predict-raw-emails cannot write the MimeMessage: "
                        + e.getMessage() + "; nothing was sent", e);
            }
        }
    }
}

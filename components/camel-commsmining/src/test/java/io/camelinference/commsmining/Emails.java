package io.camelinference.commsmining;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Writes .eml files for the tests, attachments streamed in base64 to disk, never built in memory. */
final class Emails {

    static final String BOUNDARY = "=_camel_test_boundary";

    private Emails() {
    }

    /** A multipart e-mail: plain and HTML alternatives, then {@code attachmentBytes} of attachment (0 for none). */
    static Path write(Path file, String subject, String plain, String html, String attachmentName, long attachmentBytes)
            throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             BufferedWriter out = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8))) {
            out.write("Message-ID: <" + file.getFileName() + "@test.example>\r\n");
            out.write("Date: Thu, 09 Jan 2020 16:34:45 +0000\r\n");
            out.write("From: Alice Smith <alice@customer.example>\r\n");
            out.write("To: support@acme.example\r\n");
            out.write("Subject: =?UTF-8?B?" + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8))
                    + "?=\r\n");
            out.write("MIME-Version: 1.0\r\n");
            out.write("Content-Type: multipart/mixed; boundary=\"" + BOUNDARY + "\"\r\n\r\n");
            out.write("--" + BOUNDARY + "\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n");
            out.write("--alt\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
            out.write(plain + "\r\n");
            if (html != null) {
                out.write("--alt\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n" + html + "\r\n");
            }
            out.write("--alt--\r\n");
            if (attachmentBytes > 0) {
                out.write("--" + BOUNDARY + "\r\nContent-Type: application/pdf; name=\"" + attachmentName + "\"\r\n");
                out.write("Content-Disposition: attachment; filename=\"" + attachmentName + "\"\r\n");
                out.write("Content-Transfer-Encoding: base64\r\n\r\n");
                out.flush();
                writeBase64(raw, attachmentBytes);
            }
            out.write("--" + BOUNDARY + "--\r\n");
        }
        return file;
    }

    /** {@code bytes} bytes of a repeating pattern, base64 in 76-character lines, a 57-byte line at a time. */
    private static void writeBase64(OutputStream out, long bytes) throws IOException {
        byte[] line = new byte[57];
        byte[] crlf = {'\r', '\n'};
        Base64.Encoder encoder = Base64.getEncoder();
        long written = 0;
        while (written < bytes) {
            int n = (int) Math.min(line.length, bytes - written);
            for (int i = 0; i < n; i++) {
                line[i] = (byte) ((written + i) * 31);
            }
            out.write(encoder.encode(n == line.length ? line : java.util.Arrays.copyOf(line, n)));
            out.write(crlf);
            written += n;
        }
        out.flush();
    }
}

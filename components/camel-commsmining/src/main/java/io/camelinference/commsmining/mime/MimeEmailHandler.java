package io.camelinference.commsmining.mime;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.camelinference.commsmining.model.RawEmail;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.field.ContentDispositionField;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.dom.field.ParsedField;
import org.apache.james.mime4j.field.DefaultFieldParser;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;

/**
 * What mime4j's streaming parser reports, turned into a raw e-mail as the service takes it: the message's own header
 * block as written; the first plain text and the first HTML body part read as text within the service's limits; every
 * other part an attachment, described by file name, content type and size, its (decoded) bytes counted as they stream
 * past and never kept. A body over its limit stops the parse with the limit named.
 */
final class MimeEmailHandler extends AbstractContentHandler {

    static final int MAX_PLAIN = 65_536;
    static final int MAX_HTML = 32 * 1024 * 1024;
    static final int MAX_ATTACHMENTS = 128;

    private final String name;
    private final StringBuilder headers = new StringBuilder();
    private final List<RawEmail.Attachment> attachments = new ArrayList<>();
    private boolean inTopHeader;
    private boolean topHeaderDone;
    private String plain;
    private String html;
    private String fileName;
    private boolean attachment;
    private final byte[] skip = new byte[64 * 1024];

    MimeEmailHandler(String name) {
        this.name = name;
    }

    RawEmail email() {
        if (!topHeaderDone || headers.length() == 0) {
            throw new IllegalArgumentException("commsmining:predict-raw-emails: " + name + " is not an e-mail: it has"
                    + " no headers; nothing was sent");
        }
        if (plain == null && html == null) {
            plain = "";
        }
        return new RawEmail(new RawEmail.Headers(headers.toString(), null), new RawEmail.Body(plain, html),
                attachments.isEmpty() ? null : List.copyOf(attachments));
    }

    @Override
    public void startHeader() {
        inTopHeader = !topHeaderDone;
        fileName = null;
        attachment = false;
    }

    @Override
    public void field(Field field) throws MimeException {
        if (inTopHeader) {
            headers.append(new String(field.getRaw().toByteArray(), StandardCharsets.UTF_8)).append('\n');
        }
        String lower = field.getNameLowerCase();
        if ("content-disposition".equals(lower) || "content-type".equals(lower)) {
            ParsedField parsed = DefaultFieldParser.getParser().parse(field, DecodeMonitor.SILENT);
            if (parsed instanceof ContentDispositionField d) {
                attachment = d.isAttachment();
                if (d.getFilename() != null) {
                    fileName = d.getFilename();
                }
            } else if (parsed instanceof ContentTypeField t && fileName == null && t.getParameter("name") != null) {
                fileName = t.getParameter("name");
            }
        }
    }

    @Override
    public void endHeader() {
        if (inTopHeader) {
            inTopHeader = false;
            topHeaderDone = true;
        }
    }

    @Override
    public void body(BodyDescriptor bd, InputStream is) throws IOException {
        String type = bd.getMimeType() == null ? "text/plain" : bd.getMimeType().toLowerCase(Locale.ROOT);
        boolean described = attachment || fileName != null;
        if (!described && "text/plain".equals(type) && plain == null) {
            plain = text(is, bd.getCharset(), MAX_PLAIN, "plain text body", "characters");
        } else if (!described && "text/html".equals(type) && html == null) {
            html = text(is, bd.getCharset(), MAX_HTML, "HTML body", "characters (32 MiB)");
        } else {
            long size = 0;
            for (int n = is.read(skip); n >= 0; n = is.read(skip)) {
                size += n;
            }
            if (attachments.size() == MAX_ATTACHMENTS) {
                throw new IllegalArgumentException("commsmining:predict-raw-emails: " + name + " has more than "
                        + MAX_ATTACHMENTS + " attachments, the service's limit per e-mail; nothing was sent");
            }
            String label = fileName != null ? fileName : "part-" + (attachments.size() + 1);
            attachments.add(new RawEmail.Attachment(label, size, type));
        }
    }

    private String text(InputStream is, String charsetName, int limit, String what, String unit) throws IOException {
        Charset charset;
        try {
            // undeclared or US-ASCII text is read as UTF-8, its superset: 8-bit mail often forgets its charset
            charset = charsetName == null || "us-ascii".equalsIgnoreCase(charsetName) ? StandardCharsets.UTF_8
                    : Charset.forName(charsetName);
        } catch (IllegalArgumentException unknown) {
            charset = StandardCharsets.UTF_8;
        }
        StringBuilder sb = new StringBuilder();
        Reader reader = new InputStreamReader(is, charset);
        char[] buffer = new char[8192];
        int codePoints = 0;
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
            sb.append(buffer, 0, n);
            codePoints += Character.codePointCount(buffer, 0, n);
            if (codePoints > limit) {
                throw new IllegalArgumentException("commsmining:predict-raw-emails: the " + what + " of " + name
                        + " is over the service's limit of " + limit + " " + unit + "; nothing was sent");
            }
        }
        return sb.toString();
    }
}

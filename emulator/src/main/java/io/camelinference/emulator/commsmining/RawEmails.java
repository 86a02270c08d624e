package io.camelinference.emulator.commsmining;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;

/**
 * Turns a {@code raw_email} of {@code predict-raw-emails} into the comment the service would parse from it: headers
 * given {@code raw} (unfolded, RFC 2047 encoded words decoded) or {@code parsed}; the body's plain text, or the text of
 * its HTML; attachments as their descriptions. Limits as documented: plain text 65,536 characters, HTML 32 MiB, 128
 * attachments; over a limit is a 422, never a silent cut.
 */
final class RawEmails {

    static final int MAX_PLAIN = 65_536;
    static final int MAX_HTML = 32 * 1024 * 1024;
    static final int MAX_ATTACHMENTS = 128;
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    private RawEmails() {
    }

    /** The comment parsed from document {@code index} of the request. */
    static ObjectNode comment(JsonNode document, int index) {
        JsonNode raw = document.get("raw_email");
        if (raw == null || !raw.isObject()) {
            throw new ApiError(400, "Invalid request body: documents[" + index + "].raw_email is required");
        }
        Map<String, String> headers = headers(raw.path("headers"), index);
        JsonNode body = raw.path("body");
        String plain = Json.text(body, "plain");
        String html = Json.text(body, "html");
        if (plain == null && html == null) {
            throw new ApiError(400, "Invalid request body: documents[" + index + "].raw_email.body needs plain or html");
        }
        if (plain != null && plain.codePointCount(0, plain.length()) > MAX_PLAIN) {
            throw new ApiError(422, "documents[" + index + "].raw_email.body.plain has " + plain.codePointCount(0,
                    plain.length()) + " characters, over the limit of " + MAX_PLAIN);
        }
        if (html != null && html.getBytes(StandardCharsets.UTF_8).length > MAX_HTML) {
            throw new ApiError(422, "documents[" + index + "].raw_email.body.html is over the limit of " + MAX_HTML
                    + " bytes (32 MiB)");
        }
        JsonNode attachments = raw.path("attachments");
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw new ApiError(422, "documents[" + index + "].raw_email has " + attachments.size()
                    + " attachments, over the limit of " + MAX_ATTACHMENTS);
        }
        ArrayNode described = Json.array();
        for (JsonNode a : attachments) {
            if (!a.path("name").isTextual() || !a.path("size").canConvertToLong() || a.path("size").asLong() < 0
                    || !a.path("content_type").isTextual()) {
                throw new ApiError(400, "Invalid request body: documents[" + index + "] attachments need name, size"
                        + " (bytes) and content_type; got " + a);
            }
            described.addObject().put("name", a.get("name").asText()).put("size", a.get("size").asLong())
                    .put("content_type", a.get("content_type").asText());
        }
        ObjectNode message = Json.object();
        String from = headers.get("from");
        if (from != null) {
            message.put("from", address(from));
        }
        message.set("to", addresses(headers.get("to")));
        if (headers.containsKey("cc")) {
            message.set("cc", addresses(headers.get("cc")));
        }
        String sent = date(headers.get("date"));
        if (sent != null) {
            message.put("sent_at", sent);
        }
        message.putObject("subject").put("text", headers.getOrDefault("subject", ""));
        message.putObject("body").put("text", plain != null ? plain : htmlText(html));
        ObjectNode comment = Json.object();
        String messageId = headers.getOrDefault("message-id", "document-" + index).replaceAll("[<>]", "");
        comment.put("id", messageId);
        comment.putArray("messages").add(message);
        comment.put("timestamp", sent != null ? sent : java.time.Instant.now().toString());
        comment.set("user_properties", document.has("user_properties") ? document.get("user_properties") : Json.object());
        comment.set("attachments", described);
        return comment;
    }

    /** Header names lower-cased; values unfolded and decoded. */
    static Map<String, String> headers(JsonNode headers, int index) {
        Map<String, String> out = new LinkedHashMap<>();
        if (headers.path("raw").isTextual()) {
            String current = null;
            for (String line : headers.get("raw").asText().split("\r?\n")) {
                if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && current != null) {
                    out.merge(current, " " + line.strip(), String::concat);
                } else if (line.indexOf(':') > 0) {
                    current = line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT);
                    out.putIfAbsent(current, line.substring(line.indexOf(':') + 1).strip());
                }
            }
        } else if (headers.path("parsed").isObject()) {
            headers.get("parsed").properties().forEach(e -> out.put(e.getKey().toLowerCase(Locale.ROOT),
                    e.getValue().asText()));
        } else {
            throw new ApiError(400, "Invalid request body: documents[" + index + "].raw_email.headers needs raw (a"
                    + " string) or parsed (an object)");
        }
        out.replaceAll((k, v) -> decodeWords(v));
        return out;
    }

    /** Decodes RFC 2047 encoded words ({@code =?UTF-8?B?...?=}, {@code =?ISO-8859-1?Q?...?=}). */
    static String decodeWords(String value) {
        Matcher m = ENCODED_WORD.matcher(value.replaceAll("\\?=\\s+=\\?", "?==?"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String decoded;
            try {
                Charset charset = Charset.forName(m.group(1));
                byte[] bytes = m.group(2).equalsIgnoreCase("B") ? Base64.getMimeDecoder().decode(m.group(3))
                        : quoted(m.group(3));
                decoded = new String(bytes, charset);
            } catch (IllegalArgumentException e) {
                decoded = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(decoded));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static byte[] quoted(String q) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < q.length()) {
                out.write(Integer.parseInt(q.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** The text of an HTML body: scripts and styles dropped, blocks on their own lines, tags removed. */
    static String htmlText(String html) {
        String head = html.length() > 4 * MAX_PLAIN ? html.substring(0, 4 * MAX_PLAIN) : html;
        String text = head.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>|</h\\d>", "\n")
                .replaceAll("<[^>]*>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return text.replaceAll("[ \\t]+", " ").replaceAll(" ?\n ?", "\n").strip();
    }

    private static String address(String header) {
        Matcher m = ADDRESS.matcher(header);
        return m.find() ? m.group() : header.strip();
    }

    private static ArrayNode addresses(String header) {
        ArrayNode out = Json.array();
        if (header != null) {
            List<String> found = new ArrayList<>();
            for (Matcher m = ADDRESS.matcher(header); m.find(); ) {
                found.add(m.group());
            }
            found.forEach(out::add);
        }
        return out;
    }

    private static String date(String header) {
        if (header == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(header.replaceAll("\\s*\\(.*\\)$", "").strip(),
                    DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

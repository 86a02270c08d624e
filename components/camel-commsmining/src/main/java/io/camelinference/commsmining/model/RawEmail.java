package io.camelinference.commsmining.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A raw e-mail as predict-raw-emails takes it: its headers (raw text, or parsed name to value), its body (plain text of
 * at most 65,536 characters and/or HTML of at most 32 MiB) and its attachments, described only (at most 128).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RawEmail(Headers headers, Body body, List<Attachment> attachments) {

    /** {@code raw}: the header block as written in the e-mail; or {@code parsed}: header name to value. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Headers(String raw, Map<String, String> parsed) {
    }

    /** The text of the e-mail: plain, HTML, or both. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String plain, String html) {
    }

    /** An attachment, described: file name, size in bytes, content type. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Attachment(String name, long size, String contentType) {
    }
}

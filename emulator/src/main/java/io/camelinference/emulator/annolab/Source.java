package io.camelinference.emulator.annolab;

import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * A source document: its text (for a PDF, the extracted text with form feeds between pages, or the text the client
 * gave with create-pdf's {@code sourceText}); a PDF keeps its file (served through a signed URL, and put into exports
 * with sources) and its text bounds (one entry per page, or those the client gave with {@code textBounds}).
 *
 * @param file       the uploaded PDF, or null for a text source
 * @param textBounds the PDF's text bounds, or null for a text source
 */
record Source(long id, Project project, Directory directory, String name, String type, String text,
              Instant createdAt, Path file, JsonNode textBounds) {

    static final String TEXT = "text";
    static final String PDF = "pdf";

    /**
     * The API's representation; only the single-source reads carry the text.
     *
     * @param url the signed download URL of a PDF, or null
     */
    ObjectNode toJson(boolean withText, String url) {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("projectName", project.name);
        n.put("projectId", project.id);
        n.put("directoryName", directory.name());
        n.put("directoryId", directory.id());
        n.put("name", name);
        n.put("sourceName", name);
        n.put("type", type);
        if (withText) {
            n.put("text", text);
        }
        n.put("url", url);
        n.put("createdAt", createdAt.toString());
        n.putArray("tags");
        return n;
    }

    /** As a line of an export's {@code *.sources.jsonl} (what the SDK's importer reads to create it again). */
    ObjectNode toExportJson() {
        ObjectNode n = Json.object();
        n.put("sourceId", id);
        n.put("sourceName", name);
        n.put("directoryName", directory.name());
        n.put("directoryId", directory.id());
        n.put("type", type);
        n.put("text", text);
        n.put("createdAt", createdAt.toString());
        return n;
    }
}

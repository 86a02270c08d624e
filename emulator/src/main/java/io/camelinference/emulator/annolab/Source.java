package io.camelinference.emulator.annolab;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/** A source document: its text (for a PDF, the extracted text with form feeds between pages). */
record Source(long id, Project project, Directory directory, String name, String type, String text,
              Instant createdAt) {

    /** The API's representation; only the single-source read carries the text. */
    ObjectNode toJson(boolean withText) {
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
        n.putNull("url");
        n.put("createdAt", createdAt.toString());
        n.putArray("tags");
        return n;
    }
}

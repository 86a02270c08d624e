package io.camelinference.emulator.annolab;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/**
 * An annotation type of a project (its schema): the type of annotations, or of relations ({@code relation}), or of
 * document classifications.
 */
record AnnotationType(long id, String name, String color, String category, boolean relation,
                      boolean documentClassification) {

    /** As {@code POST /v1/annotation-type/create} answers it. */
    ObjectNode toJson(Project p) {
        ObjectNode n = toExportJson();
        n.put("typeName", name);
        n.put("projectId", p.id);
        n.put("projectName", p.name);
        return n;
    }

    /** As a line of an export's {@code *.atntypes.jsonl} (the SDK's importer reads these fields). */
    ObjectNode toExportJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("name", name);
        n.put("color", color);
        n.put("category", category);
        n.put("isRelation", relation);
        n.put("isDocumentClassification", documentClassification);
        return n;
    }

    /** What a type is, for messages. */
    String kind() {
        return relation ? "a relation type" : documentClassification ? "a document classification type"
                : "an annotation type";
    }
}

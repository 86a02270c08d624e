package io.camelinference.emulator.annolab;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;

/** A relation from one annotation (predecessor) to another (successor) of the same project. */
record Relation(long id, long projectId, long predecessorId, long successorId, AnnotationType type, String value,
                boolean reviewed) {

    /** As the relation calls answer it, and as a line of an export's {@code *.relations.jsonl}. */
    ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("predecessorId", predecessorId);
        n.put("successorId", successorId);
        if (type == null) {
            n.putNull("typeId");
            n.putNull("typeName");
        } else {
            n.put("typeId", type.id());
            n.put("typeName", type.name());
        }
        n.put("value", value);
        n.put("isReviewed", reviewed);
        n.put("projectId", projectId);
        return n;
    }

    /** What preventDuplication compares: the same two annotations with the same type. */
    boolean sameAs(long predecessor, long successor, AnnotationType t) {
        return predecessorId == predecessor && successorId == successor
                && (type == null ? t == null : t != null && type.id() == t.id());
    }
}

package io.camelinference.annolab.model;

/**
 * A relation from one annotation (predecessor) to another (successor), as the relation calls answer it and as an
 * export's {@code *.relations.jsonl} lists it.
 *
 * @param typeName the relation's type, or null
 */
public record AnnoLabRelation(Long id, Long predecessorId, Long successorId, String typeName, String value,
                              Boolean isReviewed) {
}

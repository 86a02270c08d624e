package io.camelinference.annolab.model;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * An annotation type of a project, as {@code POST /v1/annotation-type/create} answers it and as an export's
 * {@code *.atntypes.jsonl} lists it ({@code name}).
 *
 * @param isRelation               a type of relations rather than of annotations
 * @param isDocumentClassification a type of document-level classifications
 */
public record AnnoLabAnnotationType(Long id, @JsonAlias("name") String typeName, Long projectId, String color,
                                    String category, Boolean isRelation, Boolean isDocumentClassification) {
}

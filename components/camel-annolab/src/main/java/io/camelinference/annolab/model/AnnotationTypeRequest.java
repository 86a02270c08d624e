package io.camelinference.annolab.model;

/** The body of {@code POST /v1/annotation-type/create}, as the SDK's {@code create_annotation_type} sends it. */
public record AnnotationTypeRequest(String category, Object projectIdentifier, String typeName, String color,
                                    boolean isRelation, boolean isDocumentClassification) {
}

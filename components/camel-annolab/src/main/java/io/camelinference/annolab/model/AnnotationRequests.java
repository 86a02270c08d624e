package io.camelinference.annolab.model;

import java.util.List;

/** The bodies of the annotation and relation calls, as the SDK sends them. */
public final class AnnotationRequests {

    private AnnotationRequests() {
    }

    /** {@code POST /v1/source/{owner}/{project}/{directory}/{name}/annotations} (the SDK's create_annotations). */
    public record OnSource(List<NewAnnotation> annotations, List<NewRelation> relations, boolean preventDuplication) {
    }

    /** {@code POST /v1/annotation/bulk-create} (the SDK's create_bulk_annotations). */
    public record BulkAnnotations(List<NewAnnotation> annotations, boolean preventDuplication) {
    }

    /** {@code POST /v1/relation/bulk-create} (the SDK's create_bulk_relations). */
    public record BulkRelations(List<NewRelation> relations, boolean preventDuplication) {
    }

    /** What the source annotations call answers: the annotations (with their clientIds) and the relations. */
    public record OnSourceAnswer(List<AnnotationJson> annotations, List<AnnoLabRelation> relations) {
    }
}

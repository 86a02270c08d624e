package io.camelinference.annolab.operation;

import io.camelinference.annolab.client.AnnotationClient;
import io.camelinference.annolab.model.AnnoLabAnnotationType;
import io.camelinference.annolab.model.AnnoLabLayer;
import io.camelinference.annolab.model.AnnotationTypeRequest;
import io.camelinference.annolab.model.LayerRequest;
import io.camelinference.common.operation.Operation;

/** create-layer and create-annotation-type: the project named by id, as the SDK sends it (a name is read first). */
public final class SchemaOperations {

    /** A layer to create. */
    public record NewLayer(ProjectRef project, String name, boolean gold, String description) {
    }

    /** An annotation type to create. */
    public record NewType(ProjectRef project, String name, String color, String category, boolean relation,
                          boolean documentClassification) {
    }

    private final AnnotationClient client;
    private final Projects projects;

    public SchemaOperations(AnnotationClient client, Projects projects) {
        this.client = client;
        this.projects = projects;
    }

    public Operation<NewLayer, AnnoLabLayer> createLayer() {
        return l -> projects.id(l.project()).thenCompose(id -> client.createLayer(new LayerRequest(id, l.name(),
                l.gold(), l.description())));
    }

    public Operation<NewType, AnnoLabAnnotationType> createAnnotationType() {
        return t -> projects.id(t.project()).thenCompose(id -> client.createAnnotationType(new AnnotationTypeRequest(
                t.category(), id, t.name(), t.color(), t.relation(), t.documentClassification())));
    }
}

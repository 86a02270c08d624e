package io.camelinference.annolab.binding;

import java.util.List;
import java.util.Map;

import io.camelinference.annolab.AnnoLabConfiguration;
import io.camelinference.annolab.AnnoLabConstants;
import io.camelinference.annolab.model.AnnoLabAnnotation;
import io.camelinference.annolab.model.AnnoLabRelation;
import io.camelinference.annolab.model.CreatedAnnotations;
import io.camelinference.annolab.model.NewAnnotation;
import io.camelinference.annolab.model.NewRelation;
import io.camelinference.annolab.operation.AnnotationOperations.Bulk;
import io.camelinference.annolab.operation.AnnotationOperations.OnSource;
import io.camelinference.annolab.operation.AnnotationOperations.Relations;
import io.camelinference.annolab.operation.ProjectRef;
import io.camelinference.common.operation.Binding;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Reads and writes the messages of create-annotations, bulk-create-annotations and the relation operations. */
public final class AnnotationBindings {

    /** AnnoLab's limit of annotations in one request. */
    static final int MAX_PER_REQUEST = 2000;

    private final AnnoLabConfiguration c;

    public AnnotationBindings(AnnoLabConfiguration configuration) {
        this.c = configuration;
    }

    /**
     * The source from CamelAnnoLabSourceId or CamelAnnoLabSourceName; the body a List of annotations, or a Map with
     * annotations and relations (the SDK's create_annotations arguments), or JSON text of either.
     */
    public Binding<OnSource, CreatedAnnotations> createOnSource() {
        return Binding.of(ex -> {
            Message in = ex.getMessage();
            String what = "annolab:create-annotations";
            Object body = Bodies.parsed(in.getBody(), what, AnnotationInputs.ACCEPTED);
            Object annotations = body;
            List<NewRelation> relations = List.of();
            if (body instanceof Map<?, ?> map && (map.containsKey("annotations") || map.containsKey("relations"))) {
                Bodies.checkedKeys(map, List.of("annotations", "relations"), what + " body");
                annotations = map.get("annotations");
                relations = map.get("relations") == null || map.get("relations") instanceof List<?> l && l.isEmpty()
                        ? List.of() : RelationInputs.read(map.get("relations"), what);
            }
            // the path names the source: an item's own source, directory and project are not sent
            List<NewAnnotation> items = AnnotationInputs.read(annotations, what).stream()
                    .map(a -> a.at(null, null, null)).toList();
            if (!relations.isEmpty() && items.size() > MAX_PER_REQUEST) {
                throw new IllegalArgumentException(what + " got " + items.size() + " annotations with relations: they"
                        + " go in one request, which AnnoLab takes with at most " + MAX_PER_REQUEST + " annotations;"
                        + " create them with bulk-create-annotations and the relations with bulk-create-relations");
            }
            return new OnSource(Refs.source(in, c, what, false, true), items, relations,
                    Refs.preventDuplication(in, c), c.getBulkSize());
        }, (ex, created) -> {
            Message out = ex.getMessage();
            out.setHeader(AnnoLabConstants.ANNOTATION_COUNT, created.annotations().size());
            out.setHeader(AnnoLabConstants.RELATION_COUNT, created.relations().size());
            out.setBody(created);
        });
    }

    /** Annotations that each name their source (and project, else projectIdentifier's). */
    public Binding<Bulk, List<AnnoLabAnnotation>> bulkCreate() {
        return Binding.of(ex -> {
            Message in = ex.getMessage();
            String what = "annolab:bulk-create-annotations";
            List<NewAnnotation> items = AnnotationInputs.read(Bodies.parsed(in.getBody(), what,
                    AnnotationInputs.ACCEPTED), what);
            ProjectRef project = Refs.optionalProject(in, c);
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).sourceIdentifier() == null) {
                    throw new IllegalArgumentException(what + " annotation [" + i + "] names no source: each needs"
                            + " its source (source: name, with directory, or id); create-annotations takes a list for"
                            + " one source");
                }
                if (items.get(i).projectIdentifier() == null && project == null) {
                    throw new IllegalArgumentException(what + " annotation [" + i + "] names no project, and neither"
                            + " does projectIdentifier or the header " + AnnoLabConstants.PROJECT_IDENTIFIER);
                }
            }
            return new Bulk(project, items, Refs.preventDuplication(in, c), c.getBulkSize());
        }, AnnotationBindings::writeAnnotations);
    }

    public Binding<Relations, List<AnnoLabRelation>> createRelations() {
        return relations("annolab:create-relations");
    }

    public Binding<Relations, List<AnnoLabRelation>> bulkCreateRelations() {
        return relations("annolab:bulk-create-relations");
    }

    private Binding<Relations, List<AnnoLabRelation>> relations(String what) {
        return Binding.of(ex -> {
            Message in = ex.getMessage();
            return new Relations(Refs.optionalProject(in, c), RelationInputs.read(Bodies.parsed(in.getBody(), what,
                    RelationInputs.ACCEPTED), what), Refs.preventDuplication(in, c), c.getBulkSize());
        }, (ex, relations) -> {
            ex.getMessage().setHeader(AnnoLabConstants.RELATION_COUNT, relations.size());
            ex.getMessage().setBody(relations);
        });
    }

    private static void writeAnnotations(Exchange ex, List<AnnoLabAnnotation> annotations) {
        AnnotationHeaders.write(ex.getMessage(), annotations);
        ex.getMessage().setBody(annotations);
    }
}

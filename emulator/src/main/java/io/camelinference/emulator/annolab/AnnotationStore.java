package io.camelinference.emulator.annolab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The annotations of every source and the relations between them. Creation is all or nothing per request (the request
 * was checked whole before, see {@link AnnotationRequests}) and honours {@code preventDuplication}: an annotation with
 * the same type, offsets, layer and source as one that exists (AnnoLab's definition) is not created again, the
 * existing one is answered in its place; likewise a relation between the same two annotations with the same type.
 * That is what makes a re-sent bulk request harmless.
 */
final class AnnotationStore {

    private final AnnoLabStore store;
    private final Map<Long, List<Annotation>> bySource = new ConcurrentHashMap<>();
    private final Map<Long, Annotation> byId = new ConcurrentHashMap<>();
    private final Map<Long, Relation> relations = new ConcurrentHashMap<>();

    AnnotationStore(AnnoLabStore store) {
        this.store = store;
    }

    /** Adds a model's annotation as it is. */
    void add(Annotation a) {
        bySource.computeIfAbsent(a.sourceId(), k -> new CopyOnWriteArrayList<>()).add(a);
        byId.put(a.id(), a);
    }

    /** One annotation a request asks for, its references resolved and checked. */
    record Draft(Source source, Layer layer, AnnotationType type, String value, Integer start, Integer end,
                 Integer pageNumber, Integer endPageNumber, JsonNode textBounds,
                 JsonNode imageBounds, JsonNode bbox,
                 boolean reviewed) {
    }

    /** One relation a request asks for, its annotations resolved. */
    record RelationDraft(long projectId, Annotation predecessor, Annotation successor, AnnotationType type,
                         String value, boolean reviewed) {
    }

    /** Creates the drafts, in order; each answer is the created annotation or, with dedup, the one that existed. */
    synchronized List<Annotation> create(List<Draft> drafts, boolean preventDuplication) {
        List<Annotation> out = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            Annotation existing = preventDuplication ? find(d) : null;
            if (existing != null) {
                out.add(existing);
                continue;
            }
            Annotation a = new Annotation(store.nextId(), d.source(), d.layer(), d.type(), d.value(), d.start(),
                    d.end(), d.pageNumber(), d.endPageNumber(), d.textBounds(), d.imageBounds(), d.bbox(),
                    d.reviewed(), "api");
            add(a);
            out.add(a);
        }
        return out;
    }

    private Annotation find(Draft d) {
        for (Annotation a : annotations(d.source().id())) {
            if (a.sameAs(d.source(), d.layer(), d.type(), d.start(), d.end())) {
                return a;
            }
        }
        return null;
    }

    synchronized List<Relation> createRelations(List<RelationDraft> drafts, boolean preventDuplication) {
        List<Relation> out = new ArrayList<>(drafts.size());
        for (RelationDraft d : drafts) {
            long from = d.predecessor().id();
            long to = d.successor().id();
            Relation existing = !preventDuplication ? null : relations.values().stream()
                    .filter(r -> r.sameAs(from, to, d.type())).findFirst().orElse(null);
            if (existing != null) {
                out.add(existing);
                continue;
            }
            Relation r = new Relation(store.nextId(), d.projectId(), from, to, d.type(), d.value(), d.reviewed());
            relations.put(r.id(), r);
            out.add(r);
        }
        return out;
    }

    /** An annotation by id, or null. */
    Annotation annotation(long id) {
        return byId.get(id);
    }

    /** An annotation of the project by id, or null. */
    Annotation annotation(Project p, long id) {
        Annotation a = byId.get(id);
        return a != null && a.source().project() == p ? a : null;
    }

    List<Annotation> annotations(long sourceId) {
        return bySource.getOrDefault(sourceId, List.of());
    }

    /** The project's relations, oldest first. */
    List<Relation> relations(Project p) {
        return relations.values().stream().filter(r -> r.projectId() == p.id)
                .sorted(Comparator.comparingLong(Relation::id)).toList();
    }

    /** Forgets a deleted source's annotations and every relation that touches one of them. */
    synchronized void removeSource(Source s) {
        List<Annotation> gone = bySource.remove(s.id());
        if (gone != null) {
            gone.forEach(a -> byId.remove(a.id()));
            relations.values().removeIf(r -> !byId.containsKey(r.predecessorId()) || !byId.containsKey(r.successorId()));
        }
    }

    synchronized void clear() {
        bySource.clear();
        byId.clear();
        relations.clear();
    }
}

package io.camelinference.emulator.annolab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.spi.ApiError;
import io.camelinference.emulator.spi.EmulatorContext;
import io.camelinference.emulator.spi.Reply;
import io.camelinference.emulator.spi.Request;

/**
 * Annotations and relations, as the SDK writes them: on one source by its path ({@code POST
 * /v1/source/{owner}/{project}/{directory}/{name}/annotations}, annotations with relations between them by
 * {@code clientId}), one ({@code /v1/annotation/create}, {@code /v1/relation/create}) or in bulk
 * ({@code /v1/annotation/bulk-create}, {@code /v1/relation/bulk-create}, at most
 * {@value AnnotationRequests#MAX_PER_REQUEST} a request). A request is checked whole before anything is written.
 * {@code preventDuplication} (true unless false) answers an existing equal annotation or relation instead of a copy.
 * Annotations are answered with the request's {@code clientId} (the SDK's importer maps old ids to new ones with it).
 */
final class AnnotationRoutes {

    private final EmulatorContext ctx;
    private final AnnoLabStore store;
    private final AnnotationRequests requests;

    AnnotationRoutes(EmulatorContext ctx, AnnoLabStore store) {
        this.ctx = ctx;
        this.store = store;
        this.requests = new AnnotationRequests(store);
    }

    void register() {
        ctx.route("POST", "/v1/annotation/create", this::createOne);
        ctx.route("POST", "/v1/annotation/bulk-create", this::bulkCreate);
        ctx.route("POST", "/v1/source/{group}/{project}/{directory}/{name}/annotations", this::onSource);
        ctx.route("POST", "/v1/relation/create", this::createRelation);
        ctx.route("POST", "/v1/relation/bulk-create", this::bulkCreateRelations);
    }

    private Reply createOne(Request r) throws IOException {
        JsonNode body = RequestFields.body(r);
        AnnotationStore.Draft draft = requests.standalone(body, "");
        Annotation a = store.annotations.create(List.of(draft), dedup(body)).get(0);
        return Reply.json(answer(a, AnnotationRequests.clientId(body)));
    }

    private Reply bulkCreate(Request r) throws IOException {
        JsonNode body = RequestFields.body(r);
        JsonNode items = AnnotationRequests.items(body, "annotations", true);
        List<AnnotationStore.Draft> drafts = new ArrayList<>();
        List<String> clientIds = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String where = "annotations[" + i + "]";
            drafts.add(requests.standalone(item, where));
            clientIds.add(AnnotationRequests.at(where, () -> AnnotationRequests.clientId(item)));
        }
        return Reply.json(answers(store.annotations.create(drafts, dedup(body)), clientIds));
    }

    /** Annotations on the source the path names, and relations between them (by clientId) or existing ones (by id). */
    private Reply onSource(Request r) throws IOException {
        Source s = store.sourceByName(r.var("group"), r.var("project"), r.var("directory"), r.var("name"));
        JsonNode body = RequestFields.body(r);
        JsonNode items = AnnotationRequests.items(body, "annotations", false);
        JsonNode relationItems = AnnotationRequests.items(body, "relations", false);
        if (items.isEmpty() && relationItems.isEmpty()) {
            throw new ApiError(400, "'annotations' is required: an array of annotations (and optionally 'relations')");
        }
        List<AnnotationStore.Draft> drafts = new ArrayList<>();
        List<String> clientIds = new ArrayList<>();
        Map<String, Integer> byClientId = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String where = "annotations[" + i + "]";
            drafts.add(requests.onSource(item, where, s));
            String clientId = AnnotationRequests.at(where, () -> AnnotationRequests.clientId(item));
            clientIds.add(clientId);
            if (clientId != null && byClientId.putIfAbsent(clientId, i) != null) {
                throw new ApiError(400, where + ": clientId '" + clientId + "' is used twice in this request");
            }
        }
        List<Ref[]> ends = new ArrayList<>();
        List<AnnotationType> types = new ArrayList<>();
        for (int i = 0; i < relationItems.size(); i++) {
            JsonNode item = relationItems.get(i);
            String where = "relations[" + i + "]";
            ends.add(AnnotationRequests.at(where, () -> new Ref[] {
                    ref(s.project(), item, "predecessorId", byClientId), ref(s.project(), item, "successorId",
                    byClientId)}));
            types.add(AnnotationRequests.at(where, () -> {
                AnnotationRequests.value(item);
                RequestFields.flag(item, "isReviewed", false);
                return requests.type(s.project(), item, true);
            }));
        }
        boolean dedup = dedup(body);
        List<Annotation> created = store.annotations.create(drafts, dedup);
        List<AnnotationStore.RelationDraft> relationDrafts = new ArrayList<>();
        for (int i = 0; i < relationItems.size(); i++) {
            JsonNode item = relationItems.get(i);
            relationDrafts.add(new AnnotationStore.RelationDraft(s.project().id, ends.get(i)[0].resolve(created),
                    ends.get(i)[1].resolve(created), types.get(i), AnnotationRequests.value(item),
                    RequestFields.flag(item, "isReviewed", false)));
        }
        ObjectNode n = Json.object();
        n.set("annotations", answers(created, clientIds));
        ArrayNode relations = n.putArray("relations");
        store.annotations.createRelations(relationDrafts, dedup).forEach(rel -> relations.add(rel.toJson()));
        return Reply.json(n);
    }

    /** One end of a relation on the source call: an annotation of this request (by clientId) or of the project. */
    private record Ref(Integer index, Annotation existing) {
        Annotation resolve(List<Annotation> created) {
            return index != null ? created.get(index) : existing;
        }
    }

    private Ref ref(Project p, JsonNode item, String field, Map<String, Integer> byClientId) {
        String id = RequestFields.identifier(item, field, true);
        if (byClientId.containsKey(id)) {
            return new Ref(byClientId.get(id), null);
        }
        Annotation a = RequestFields.isNumber(id) ? store.annotations.annotation(p, Long.parseLong(id)) : null;
        if (a == null) {
            throw new ApiError(404, "'" + field + "' " + id + " names no annotation of this request (clientId) nor of"
                    + " project '" + p.name + "' (id)");
        }
        return new Ref(null, a);
    }

    private Reply createRelation(Request r) throws IOException {
        JsonNode body = RequestFields.body(r);
        AnnotationStore.RelationDraft draft = relation(body, "");
        return Reply.json(store.annotations.createRelations(List.of(draft), dedup(body)).get(0).toJson());
    }

    private Reply bulkCreateRelations(Request r) throws IOException {
        JsonNode body = RequestFields.body(r);
        JsonNode items = AnnotationRequests.items(body, "relations", true);
        List<AnnotationStore.RelationDraft> drafts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            drafts.add(relation(items.get(i), "relations[" + i + "]"));
        }
        ArrayNode out = Json.array();
        store.annotations.createRelations(drafts, dedup(body)).forEach(rel -> out.add(rel.toJson()));
        return Reply.json(out);
    }

    /** A relation between two existing annotations (by id) of the project it names, or of its predecessor's. */
    private AnnotationStore.RelationDraft relation(JsonNode item, String where) {
        return AnnotationRequests.at(where, () -> {
            String from = RequestFields.identifier(item, "predecessorId", true);
            String to = RequestFields.identifier(item, "successorId", true);
            Project p = item.hasNonNull("projectIdentifier") ? RequestFields.projectAnywhere(store, item,
                    "projectIdentifier") : projectOf(from);
            Annotation predecessor = existing(p, from, "predecessorId");
            Annotation successor = existing(p, to, "successorId");
            return new AnnotationStore.RelationDraft(p.id, predecessor, successor, requests.type(p, item, true),
                    AnnotationRequests.value(item), RequestFields.flag(item, "isReviewed", false));
        });
    }

    private Project projectOf(String annotationId) {
        Annotation a = RequestFields.isNumber(annotationId) ? store.annotations.annotation(Long.parseLong(annotationId))
                : null;
        if (a == null) {
            throw new ApiError(404, "Annotation " + annotationId + " not found");
        }
        return a.source().project();
    }

    private Annotation existing(Project p, String id, String field) {
        Annotation a = RequestFields.isNumber(id) ? store.annotations.annotation(p, Long.parseLong(id)) : null;
        if (a == null) {
            throw new ApiError(404, "'" + field + "': annotation " + id + " not found in project '" + p.name + "'");
        }
        return a;
    }

    private static boolean dedup(JsonNode body) {
        return RequestFields.flag(body, "preventDuplication", true);
    }

    private static ObjectNode answer(Annotation a, String clientId) {
        ObjectNode n = a.toJson();
        n.put("clientId", clientId);
        return n;
    }

    private static ArrayNode answers(List<Annotation> created, List<String> clientIds) {
        ArrayNode out = Json.array();
        for (int i = 0; i < created.size(); i++) {
            out.add(answer(created.get(i), clientIds.get(i)));
        }
        return out;
    }
}

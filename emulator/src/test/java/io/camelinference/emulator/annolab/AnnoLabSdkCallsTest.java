package io.camelinference.emulator.annolab;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.InferenceEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.camelinference.emulator.annolab.AnnoLabCalls.jsonl;
import static io.camelinference.emulator.annolab.AnnoLabCalls.map;
import static io.camelinference.emulator.annolab.AnnoLabCalls.path;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calls the official SDK makes beside inference, with the bodies it sends ({@code annolab/project.py},
 * {@code annotation.py}, {@code annotation_relation.py}, {@code annolab.py}), and their refusals.
 */
class AnnoLabSdkCallsTest {

    static final String KEY = "annolab-sdk-key";
    static final String TEXT = "Acme Corporation hired Jane Roe on 2025-03-01 to audit Initech.";

    @RegisterExtension
    static EmulatorExtension emulator = new EmulatorExtension(InferenceEmulator.builder().apiKey(KEY)
            .slowModelMillis(100));

    final AnnoLabCalls calls = new AnnoLabCalls(emulator, KEY);

    @TempDir
    Path temp;

    private String defaultOwner() throws Exception {
        for (JsonNode g : calls.ok(calls.get("/v1/api-key/info")).get("groups")) {
            if (g.get("isSingleUser").asBoolean()) {
                return g.get("groupName").asText();
            }
        }
        throw new AssertionError("no single-user group");
    }

    /** The SDK's Project: name, id, groupName, groupId, defaultDirectory (create_from_response_json reads them all). */
    private JsonNode createProject(String name) throws Exception {
        JsonNode p = calls.ok(calls.post("/v1/project/create", map("name", name, "groupName", defaultOwner(),
                "isPublic", false)));
        for (String field : List.of("name", "id", "groupName", "groupId", "defaultDirectory")) {
            assertThat(p.hasNonNull(field)).as(field).isTrue();
        }
        return p;
    }

    @Test
    void theSdksDefaultOwnerIsTheKeysOwnGroupWhereItCreatesFindsAndListsProjects() throws Exception {
        String owner = defaultOwner();
        JsonNode project = createProject("Claims");
        assertThat(project.get("groupName").asText()).isEqualTo(owner);
        assertThat(project.get("defaultDirectory").asText()).isEqualTo("Uploads");
        assertThat(calls.ok(calls.get(path("v1", "project", owner, "Claims"))).get("id").asLong())
                .isEqualTo(project.get("id").asLong());
        assertThat(calls.error(calls.post("/v1/project/create", map("name", "Claims", "groupName", owner)), 409))
                .contains("already exists");

        // create_text_source without a directory lands in Uploads; find_source looks there under the default owner
        long id = calls.text(owner, "Claims", "claim 1.txt", TEXT);
        JsonNode found = calls.ok(calls.get(path("v1", "source", owner, "Claims", "Uploads", "claim 1.txt")));
        assertThat(found.get("id").asLong()).isEqualTo(id);
        assertThat(found.get("directoryName").asText()).isEqualTo("Uploads");

        // the list (the emulator's: AnnoLab documents none), paged with next links
        createProject("Policies");
        createProject("Payments");
        JsonNode first = calls.ok(calls.get("/v1/project/list?groupName=" + owner + "&pageSize=2"));
        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(first.get("projects")).extracting(p -> p.get("name").asText()).containsExactly("Claims", "Policies");
        JsonNode second = calls.ok(calls.get(first.get("next").asText()));
        assertThat(second.get("projects")).extracting(p -> p.get("name").asText()).containsExactly("Payments");
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(calls.ok(calls.get("/v1/project/list")).get("total").asInt()).as("all the key's groups").isEqualTo(4);
        assertThat(calls.error(calls.get("/v1/project/list?pageSize=500"), 400)).contains("pageSize");
        assertThat(calls.error(calls.get("/v1/project/list?groupName=nobody"), 404)).contains("Group 'nobody'");
    }

    @Test
    void layersTypesAndDirectoriesAreCreatedOnceAndRefusedWithMessages() throws Exception {
        long project = createProject("Schema").get("id").asLong();

        JsonNode layer = calls.ok(calls.post("/v1/layer/create", map("projectIdentifier", project, "layerName",
                "NER Gold", "isGold", true, "description", "approved only")));
        assertThat(layer.get("layerName").asText()).isEqualTo("NER Gold");
        assertThat(layer.get("isGold").asBoolean()).isTrue();
        assertThat(layer.get("projectId").asLong()).isEqualTo(project);
        assertThat(calls.error(calls.post("/v1/layer/create", map("projectIdentifier", project, "layerName",
                "NER Gold")), 409)).contains("already exists");
        assertThat(calls.error(calls.post("/v1/layer/create", map("projectIdentifier", 424242, "layerName", "X")),
                404)).isEqualTo("Project '424242' not found");
        assertThat(calls.error(calls.post("/v1/layer/create", map("projectIdentifier", project)), 400))
                .contains("'layerName' is required");
        assertThat(calls.error(calls.post("/v1/layer/create", map("projectIdentifier", project, "layerName", "Y",
                "isGold", "yes")), 400)).contains("'isGold' must be true or false");

        // as the SDK sends it: category and color may be null, the flags false (or null from an export's line)
        JsonNode type = calls.ok(calls.post("/v1/annotation-type/create", map("category", null, "projectIdentifier",
                project, "typeName", "Person", "color", "#ff0000", "isRelation", null,
                "isDocumentClassification", false)));
        assertThat(type.get("typeName").asText()).isEqualTo("Person");
        assertThat(type.get("isRelation").asBoolean()).isFalse();
        assertThat(calls.error(calls.post("/v1/annotation-type/create", map("projectIdentifier", project,
                "typeName", "Person")), 409)).contains("already exists");
        assertThat(calls.error(calls.post("/v1/annotation-type/create", map("projectIdentifier", project,
                "typeName", "Both", "isRelation", true, "isDocumentClassification", true)), 400))
                .contains("not both");

        JsonNode dir = calls.ok(calls.post("/v1/directory/create", map("projectIdentifier", project,
                "directoryName", "Inbox")));
        assertThat(dir.get("name").asText()).isEqualTo("Inbox");
        assertThat(calls.error(calls.post("/v1/directory/create", map("projectIdentifier", project,
                "directoryName", "Inbox")), 409)).contains("already exists");
        assertThat(calls.error(calls.post("/v1/directory/create", map("projectIdentifier", project)), 400))
                .contains("'name' is required");
        JsonNode inInbox = calls.ok(calls.post("/v1/source/create-text", map("projectIdentifier", project,
                "groupName", defaultOwner(), "sourceName", "a.txt", "text", TEXT, "directoryIdentifier", "Inbox")));
        assertThat(inInbox.get("directoryId").asLong()).isEqualTo(dir.get("id").asLong());
    }

    @Test
    void annotationsOnASourceCarryRelationsByClientIdAndAreNotDuplicated() throws Exception {
        String owner = defaultOwner();
        createProject("People");
        calls.text(owner, "People", "hire.txt", TEXT);
        String url = path("v1", "source", owner, "People", "Uploads", "hire.txt", "annotations");
        Map<String, Object> body = map(
                "annotations", List.of(
                        map("annoTypeIdentifier", "Organization", "clientId", "1", "offsets", List.of(0, 16),
                                "value", "Acme Corporation", "layerIdentifier", "NER"),
                        map("annoTypeIdentifier", "Person", "clientId", 2, "offsets", List.of(23, 31),
                                "layerIdentifier", "NER", "isReviewed", true)),
                "relations", List.of(map("predecessorId", "1", "successorId", "2", "annoTypeIdentifier",
                        "Employs")),
                "preventDuplication", true);

        JsonNode created = calls.ok(calls.post(url, body));
        JsonNode annotations = created.get("annotations");
        assertThat(annotations).extracting(a -> a.get("clientId").asText()).containsExactly("1", "2");
        assertThat(annotations.get(1).get("rawValue").asText()).isEqualTo("Jane Roe");
        assertThat(annotations.get(1).get("layerName").asText()).isEqualTo("NER");
        JsonNode relation = created.at("/relations/0");
        assertThat(relation.get("predecessorId").asLong()).isEqualTo(annotations.get(0).get("id").asLong());
        assertThat(relation.get("successorId").asLong()).isEqualTo(annotations.get(1).get("id").asLong());
        assertThat(relation.get("typeName").asText()).isEqualTo("Employs");

        // preventDuplication: the same request again answers the same annotations and relation, creates nothing
        JsonNode again = calls.ok(calls.post(url, body));
        assertThat(again.get("annotations")).extracting(a -> a.get("id").asLong())
                .containsExactlyElementsOf(ids(annotations));
        assertThat(again.at("/relations/0/id").asLong()).isEqualTo(relation.get("id").asLong());
        // without it, copies
        body.put("preventDuplication", false);
        JsonNode copies = calls.ok(calls.post(url, body));
        assertThat(ids(copies.get("annotations"))).doesNotContainAnyElementsOf(ids(annotations));
        Map<String, byte[]> zip = calls.export(map("projectIdentifier", "People", "groupName", owner,
                "includeAnnotationTypes", true, "includeSources", false, "includeTextBounds", false));
        assertThat(jsonl(zip, ".annotations.jsonl")).hasSize(4);
        assertThat(jsonl(zip, ".relations.jsonl")).hasSize(2);
        assertThat(jsonl(zip, ".atntypes.jsonl")).filteredOn(t -> t.get("name").asText().equals("Employs"))
                .singleElement().satisfies(t -> assertThat(t.get("isRelation").asBoolean()).isTrue());

        // refusals: the whole request is checked before anything is written
        assertThat(calls.error(calls.post(url, map("annotations", List.of(
                map("annoTypeIdentifier", "Person", "offsets", List.of(0, 4)),
                map("annoTypeIdentifier", "Person", "offsets", List.of(0, 999))))), 400))
                .startsWith("annotations[1]: 'offsets' [0,999] lie outside the text of source 'hire.txt'");
        assertThat(calls.error(calls.post(url, map("annotations", List.of(map("annoTypeIdentifier", "Employs",
                "offsets", List.of(0, 4))))), 400)).contains("'Employs' is a relation type");
        assertThat(calls.error(calls.post(url, map("annotations", List.of(map("annoTypeIdentifier", "Person",
                "value", 42)))), 400)).contains("'value' must be a string");
        assertThat(calls.error(calls.post(url, map("annotations", List.of(map("annoTypeIdentifier", "Person",
                "offsets", List.of("a", 4))))), 400)).contains("two integers");
        assertThat(calls.error(calls.post(url, map("annotations", List.of(map("annoTypeIdentifier", "Person",
                "clientId", "x", "offsets", List.of(0, 4))), "relations", List.of(map("predecessorId", "x",
                "successorId", "9")))), 404)).startsWith("relations[0]: 'successorId' 9 names no annotation");
        assertThat(calls.error(calls.post(url, map()), 400)).contains("'annotations' is required");
        assertThat(calls.error(calls.post(path("v1", "source", owner, "People", "Uploads", "nope.txt",
                "annotations"), body), 404)).contains("Source 'nope.txt' not found");
        assertThat(calls.error(calls.post(path("v1", "source", owner, "People", "Archive", "hire.txt",
                "annotations"), body), 404)).contains("Directory 'Archive' not found");
        Map<String, byte[]> after = calls.export(map("projectIdentifier", "People", "groupName", owner));
        assertThat(jsonl(after, ".annotations.jsonl")).as("nothing written by a refused request").hasSize(4);
    }

    @Test
    void bulkCreateFindsSourcesByNameAndDirectoryOrByIdAndTakesAtMost2000() throws Exception {
        String owner = defaultOwner();
        long project = createProject("Bulk").get("id").asLong();
        long first = calls.text(owner, "Bulk", "one.txt", TEXT);
        calls.ok(calls.post("/v1/source/create-text", map("projectIdentifier", project, "groupName", owner,
                "sourceName", "one.txt", "text", "Initech and Hooli", "directoryIdentifier", "Other")));
        // the SDK importer's items: source by name with its directory, project by id, optional fields as null
        List<Map<String, Object>> items = List.of(
                map("annoTypeIdentifier", "Organization", "value", null, "offsets", List.of(0, 16), "textBounds", null,
                        "imageBounds", null, "clientId", "11", "layerIdentifier", "Gold", "pageNumber", null,
                        "endPageNumber", null, "sourceIdentifier", "one.txt", "directoryIdentifier", "Other",
                        "projectIdentifier", project),
                map("annoTypeIdentifier", "Organization", "offsets", List.of(0, 16), "clientId", "12",
                        "sourceIdentifier", first, "projectIdentifier", project),
                map("annoTypeIdentifier", "Topic", "value", "hiring", "clientId", "13", "sourceIdentifier", "one.txt",
                        "projectIdentifier", project, "bbox", List.of(1, 2, 3, 4)));
        JsonNode created = calls.ok(calls.post("/v1/annotation/bulk-create", map("annotations", items,
                "preventDuplication", true)));
        assertThat(created).extracting(a -> a.get("clientId").asText()).containsExactly("11", "12", "13");
        assertThat(created.get(0).get("rawValue").asText()).isEqualTo("Initech and Hool");
        assertThat(created.get(0).get("directoryName").asText()).isEqualTo("Other");
        assertThat(created.get(1).get("sourceId").asLong()).isEqualTo(first);
        assertThat(created.get(1).get("layerName").asText()).as("the default layer").isEqualTo("Gold Set");
        assertThat(created.get(2).get("offsets").isNull()).as("a document-level annotation").isTrue();
        JsonNode again = calls.ok(calls.post("/v1/annotation/bulk-create", map("annotations", items)));
        assertThat(ids(again)).as("preventDuplication is the default").containsExactlyElementsOf(ids(created));

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 2001; i++) {
            tooMany.add(map("annoTypeIdentifier", "Organization", "sourceIdentifier", first, "projectIdentifier",
                    project));
        }
        assertThat(calls.error(calls.post("/v1/annotation/bulk-create", map("annotations", tooMany)), 400))
                .contains("At most 2000 annotations per request; got 2001");
        assertThat(calls.error(calls.post("/v1/annotation/bulk-create", map("annotations", List.of(map(
                "annoTypeIdentifier", 424242, "sourceIdentifier", first, "projectIdentifier", project)))), 404))
                .isEqualTo("annotations[0]: Annotation type 424242 not found in project 'Bulk'");
        assertThat(calls.error(calls.post("/v1/annotation/bulk-create", map("annotations", List.of(map(
                "annoTypeIdentifier", "Organization", "layerIdentifier", 424242, "sourceIdentifier", first,
                "projectIdentifier", project)))), 404)).contains("Layer 424242 not found");
        assertThat(calls.error(calls.post("/v1/annotation/bulk-create", map("annotations", List.of(map(
                "annoTypeIdentifier", "Organization", "sourceIdentifier", first)))), 400))
                .contains("'projectIdentifier' is required");
        assertThat(calls.error(calls.post("/v1/annotation/bulk-create", map("annotations", List.of(map(
                "annoTypeIdentifier", "Organization", "sourceIdentifier", 424242, "projectIdentifier", project)))),
                404)).contains("Source '424242' not found");
        assertThat(calls.error(calls.post("/v1/annotation/bulk-create", map("annotations", List.of(map(
                "annoTypeIdentifier", "Organization", "sourceIdentifier", first, "projectIdentifier", project,
                "bbox", List.of(1, 2))))), 400)).contains("'bbox' must be four numbers");

        // one annotation on its own (AnnoLab's docs: POST /v1/annotation/create)
        JsonNode one = calls.ok(calls.post("/v1/annotation/create", map("annoTypeIdentifier", "Date",
                "projectIdentifier", "Bulk", "groupName", owner, "sourceIdentifier", first, "offsets", List.of(35, 45),
                "clientId", "24a")));
        assertThat(one.get("rawValue").asText()).isEqualTo("2025-03-01");
        assertThat(one.get("clientId").asText()).isEqualTo("24a");
    }

    @Test
    void relationsInBulkOrOneByOneLinkExistingAnnotations() throws Exception {
        String owner = defaultOwner();
        long project = createProject("Links").get("id").asLong();
        long source = calls.text(owner, "Links", "l.txt", TEXT);
        JsonNode a = calls.ok(calls.post("/v1/annotation/bulk-create", map("annotations", List.of(
                map("annoTypeIdentifier", "Organization", "offsets", List.of(0, 16), "sourceIdentifier", source,
                        "projectIdentifier", project),
                map("annoTypeIdentifier", "Person", "offsets", List.of(23, 31), "sourceIdentifier", source,
                        "projectIdentifier", project)))));
        String org = a.get(0).get("id").asText();
        String person = a.get(1).get("id").asText();

        // as the SDK's create_bulk_relations sends them: ids as strings
        Map<String, Object> body = map("relations", List.of(map("predecessorId", org, "successorId", person,
                "annoTypeIdentifier", "Employs", "value", "since 2025", "projectIdentifier", project)),
                "preventDuplication", true);
        JsonNode created = calls.ok(calls.post("/v1/relation/bulk-create", body));
        assertThat(created.get(0).get("predecessorId").asText()).isEqualTo(org);
        assertThat(created.get(0).get("value").asText()).isEqualTo("since 2025");
        assertThat(calls.ok(calls.post("/v1/relation/bulk-create", body)).get(0).get("id").asLong())
                .isEqualTo(created.get(0).get("id").asLong());
        // the project may be left out: the predecessor's
        JsonNode single = calls.ok(calls.post("/v1/relation/create", map("predecessorId", person, "successorId",
                org)));
        assertThat(single.get("typeName").isNull()).isTrue();
        assertThat(single.get("projectId").asLong()).isEqualTo(project);

        assertThat(calls.error(calls.post("/v1/relation/bulk-create", map("relations", List.of(map("predecessorId",
                org, "successorId", person, "annoTypeIdentifier", "Person")))), 400))
                .isEqualTo("relations[0]: 'Person' is an annotation type: a relation takes a relation type"
                        + " (isRelation)");
        assertThat(calls.error(calls.post("/v1/relation/bulk-create", map("relations", List.of(map("predecessorId",
                org, "successorId", "424242", "projectIdentifier", project)))), 404))
                .contains("annotation 424242 not found in project 'Links'");
        assertThat(calls.error(calls.post("/v1/relation/bulk-create", map("relations", List.of(map("successorId",
                org)))), 400)).contains("'predecessorId' is required");
        assertThat(calls.error(calls.post("/v1/relation/bulk-create", map("relations", "x")), 400))
                .contains("must be an array");
    }

    @Test
    void sourcesAreDeletedByPathOrIdWithTheirAnnotationsAndRelations() throws Exception {
        String owner = defaultOwner();
        createProject("Gone");
        calls.text(owner, "Gone", "keep.txt", TEXT);
        long doomed = calls.text(owner, "Gone", "drop me.txt", TEXT);
        calls.ok(calls.post(path("v1", "source", owner, "Gone", "Uploads", "drop me.txt", "annotations"), map(
                "annotations", List.of(map("annoTypeIdentifier", "Org", "clientId", "a", "offsets", List.of(0, 4)),
                        map("annoTypeIdentifier", "Org", "clientId", "b", "offsets", List.of(55, 62))),
                "relations", List.of(map("predecessorId", "a", "successorId", "b")))));
        calls.ok(calls.post(path("v1", "source", owner, "Gone", "Uploads", "keep.txt", "annotations"), map(
                "annotations", List.of(map("annoTypeIdentifier", "Org", "offsets", List.of(0, 4))))));

        String byPath = path("v1", "source", owner, "Gone", "Uploads", "drop me.txt");
        assertThat(calls.ok(calls.delete(byPath)).get("message").asText()).contains(String.valueOf(doomed));
        assertThat(calls.error(calls.get(byPath), 404)).contains("Source 'drop me.txt' not found");
        assertThat(calls.error(calls.delete(byPath), 404)).contains("not found");
        assertThat(calls.error(calls.get("/v1/source/" + doomed), 404)).isEqualTo("Source " + doomed + " not found");
        Map<String, byte[]> zip = calls.export(map("projectIdentifier", "Gone", "groupName", owner));
        assertThat(jsonl(zip, ".sources.jsonl")).extracting(s -> s.get("sourceName").asText())
                .containsExactly("keep.txt");
        assertThat(jsonl(zip, ".annotations.jsonl")).hasSize(1);
        assertThat(jsonl(zip, ".relations.jsonl")).isEmpty();
    }

    @Test
    void unknownPathsAndWrongMethodsAnswerAnnoLabsEnvelope() throws Exception {
        assertThat(calls.error(calls.get("/v1/annotations/list"), 404)).isEqualTo("No route for GET /v1/annotations/list");
        assertThat(calls.error(calls.get("/v1/layer/create"), 405)).contains("not allowed");
        HttpResponse<String> noKey = calls.send("POST", "/v1/layer/create", "{}", null);
        assertThat(calls.error(noKey, 401)).contains("Api-Key");
        assertThat(calls.error(calls.send("POST", "/v1/layer/create", "[1]", "Api-Key " + KEY), 400))
                .contains("JSON object");
    }

    private static List<Long> ids(JsonNode annotations) {
        List<Long> out = new ArrayList<>();
        annotations.forEach(a -> out.add(a.get("id").asLong()));
        return out;
    }
}

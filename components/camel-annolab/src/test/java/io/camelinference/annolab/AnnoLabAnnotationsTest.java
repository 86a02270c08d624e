package io.camelinference.annolab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelinference.annolab.model.AnnoLabAnnotation;
import io.camelinference.annolab.model.AnnoLabAnnotationType;
import io.camelinference.annolab.model.AnnoLabExport;
import io.camelinference.annolab.model.AnnoLabLayer;
import io.camelinference.annolab.model.AnnoLabRelation;
import io.camelinference.annolab.model.AnnoLabSource;
import io.camelinference.annolab.model.CreatedAnnotations;
import io.camelinference.annolab.model.NewAnnotation;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Annotations, relations, layers and annotation types, each against the SDK call it replaces: create_annotations,
 * create_bulk_annotations (split into requests of bulkSize), create_bulk_relations, create_annotation_layer,
 * create_annotation_type; with the service's refusals, the component's own checks (nothing sent), and which calls are
 * sent again after a lost answer.
 */
class AnnoLabAnnotationsTest extends AnnoLabTestSupport {

    static final String TEXT = "Acme Corporation hired Jane Roe on 2025-03-01 to audit Initech.";
    static final String ON_HIRE = "annolab:create-annotations?" + TARGET;

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(100));

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    private AnnoLabSource source(String name, String text) {
        Exchange out = template.request("annolab:create-source?" + TARGET, e -> {
            e.getMessage().setBody(text);
            e.getMessage().setHeader(AnnoLabConstants.SOURCE_NAME, name);
        });
        assertThat(out.getException()).isNull();
        return out.getMessage().getBody(AnnoLabSource.class);
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, e -> {
            e.getMessage().setBody(body);
            headers.forEach(e.getMessage()::setHeader);
        });
    }

    private static <T> T ok(Exchange out, Class<T> type) {
        assertThat(out.getException()).isNull();
        return out.getMessage().getBody(type);
    }

    /** The SDK's README example, with a relation between the two by client id. */
    static Map<String, Object> hiring() {
        return Map.of("annotations", List.of(
                        Map.of("type", "Organization", "value", "Acme Corporation", "offsets", List.of(0, 16),
                                "client_id", 1, "layer", "NER"),
                        Map.of("type", "Person", "offsets", List.of(23, 31), "client_id", 2, "layer", "NER",
                                "reviewed", true)),
                "relations", List.of(Map.of("annotations", List.of(1, 2), "type", "Employs", "value", "2025")));
    }

    @Test
    void createAnnotationsOnASourceWithRelationsAndWithoutDuplicates() {
        source("hire.txt", TEXT);
        Map<String, Object> name = Map.of(AnnoLabConstants.SOURCE_NAME, "hire.txt");

        Exchange out = send(ON_HIRE, hiring(), name);
        CreatedAnnotations created = ok(out, CreatedAnnotations.class);
        assertThat(created.annotations()).extracting(AnnoLabAnnotation::clientId).containsExactly("1", "2");
        assertThat(created.annotations()).extracting(AnnoLabAnnotation::type).containsExactly("Organization", "Person");
        assertThat(created.annotations().get(1).start()).isEqualTo(23);
        assertThat(created.annotations().get(1).reviewed()).isTrue();
        assertThat(created.annotations().get(1).layer()).isEqualTo("NER");
        AnnoLabRelation relation = created.relations().get(0);
        assertThat(relation.predecessorId()).isEqualTo(created.annotations().get(0).id());
        assertThat(relation.successorId()).isEqualTo(created.annotations().get(1).id());
        assertThat(relation.typeName()).isEqualTo("Employs");
        assertThat(out.getMessage().getHeader(AnnoLabConstants.ANNOTATION_COUNT)).isEqualTo(2);
        assertThat(out.getMessage().getHeader(AnnoLabConstants.RELATION_COUNT)).isEqualTo(1);

        // preventDuplication (the default, as the SDK's dedup=True): the same again creates nothing
        CreatedAnnotations again = ok(send(ON_HIRE, hiring(), name), CreatedAnnotations.class);
        assertThat(again.annotations()).extracting(AnnoLabAnnotation::id)
                .containsExactlyElementsOf(created.annotations().stream().map(AnnoLabAnnotation::id).toList());
        // by the source's id, JSON text, and copies on purpose
        long id = created.annotations().get(0).sourceId();
        CreatedAnnotations copies = ok(send(ON_HIRE, "[{\"type\":\"Person\",\"offsets\":[23,31],\"layer\":\"NER\"}]",
                Map.of(AnnoLabConstants.SOURCE_ID, id, AnnoLabConstants.PREVENT_DUPLICATION, false)),
                CreatedAnnotations.class);
        assertThat(copies.annotations().get(0).id()).isNotIn(created.annotations().get(1).id());
        AnnoLabExport export = export();
        assertThat(export.annotations()).hasSize(3);
        assertThat(export.relations()).hasSize(1);
        assertThat(calls(ON_SOURCE)).isEqualTo(3);
    }

    @Test
    void theServicesRefusalsAndTheComponentsOwnChecks() {
        source("hire.txt", TEXT);
        Map<String, Object> name = Map.of(AnnoLabConstants.SOURCE_NAME, "hire.txt");

        Exchange outside = send(ON_HIRE, List.of(Map.of("type", "Person", "offsets", List.of(0, 4)),
                Map.of("type", "Person", "offsets", List.of(0, 999))), name);
        assertThat(outside.getException()).isInstanceOf(InferenceApiException.class).hasMessageContaining("400")
                .hasMessageContaining("annotations[1]: 'offsets' [0,999] lie outside the text of source 'hire.txt'");
        send("annolab:create-annotation-type?" + TARGET, Map.of("name", "Employs", "is_relation", true), Map.of());
        Exchange wrongType = send(ON_HIRE, List.of(Map.of("type", "Employs")), name);
        assertThat(wrongType.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("'Employs' is a relation type");
        Exchange noSource = send(ON_HIRE, List.of(Map.of("type", "Person")), Map.of(AnnoLabConstants.SOURCE_NAME,
                "nope.txt"));
        assertThat(noSource.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("Source 'nope.txt' not found");
        assertThat(export().annotations()).as("a refused request wrote nothing").isEmpty();
        long sent = emulator.stats().totalCalls("annolab");

        // checked before anything is sent
        for (Object body : List.of(List.of(Map.of("value", "x")), List.of(Map.of("type", "A", "offsets", List.of(5, 2))),
                List.of(Map.of("typ", "A")), List.of(Map.of("type", "A", "value", 7)), List.of(), "not json",
                Map.of("annotations", List.of(Map.of("type", "A")), "relations", List.of(Map.of("annotations",
                        List.of(1)))))) {
            Exchange bad = send(ON_HIRE, body, name);
            assertThat(bad.getException()).as(String.valueOf(body)).isInstanceOf(IllegalArgumentException.class);
        }
        Exchange noTarget = send(ON_HIRE, List.of(Map.of("type", "A")), Map.of());
        assertThat(noTarget.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a source").hasMessageContaining(AnnoLabConstants.SOURCE_ID);
        Exchange unknownKey = send(ON_HIRE, List.of(Map.of("typ", "A")), name);
        assertThat(unknownKey.getException()).hasMessageContaining("unknown key 'typ'").hasMessageContaining("type");
        assertThat(emulator.stats().totalCalls("annolab")).isEqualTo(sent);
    }

    @Test
    void bulkCreateSplitsLongListsIntoRequestsOfBulkSizeInOrder() {
        AnnoLabSource a = source("a.txt", TEXT);
        source("b.txt", "Initech and Hooli");
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 1203; i++) {
            // by name (the importer's way) and by id, typed records and the SDK's maps
            items.add(i % 2 == 0 ? Map.of("type", "Token", "offsets", List.of(i % 17, i % 17 + 1), "source", "b.txt",
                    "client_id", "c" + i, "value", "v" + i)
                    : new NewAnnotation("Token", "c" + i, List.of(i % 60, i % 60 + 3), "v" + i, null, null, null, null,
                    null, null, null, a.id(), null, null));
        }

        Exchange out = send("annolab:bulk-create-annotations?" + TARGET, items, Map.of());
        @SuppressWarnings("unchecked")
        List<AnnoLabAnnotation> created = ok(out, List.class);
        assertThat(created).hasSize(1203);
        assertThat(created.get(1202).clientId()).isEqualTo("c1202");
        assertThat(created.get(7).sourceId()).isEqualTo(a.id());
        assertThat(created.get(8).sourceName()).isEqualTo("b.txt");
        assertThat(calls(BULK_ANNOTATIONS)).as("500, 500, 203: the SDK's batch size").isEqualTo(3);
        assertThat(out.getMessage().getHeader(AnnoLabConstants.ANNOTATION_COUNT)).isEqualTo(1203);

        // the API's most in one request
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 2001; i++) {
            many.add(Map.of("type", "Mark", "source", a.id(), "offsets", List.of(i % 63, i % 63)));
        }
        assertThat(ok(send("annolab:bulk-create-annotations?bulkSize=2000&" + TARGET, many, Map.of()), List.class))
                .hasSize(2001);
        assertThat(calls(BULK_ANNOTATIONS)).isEqualTo(5);

        Exchange noSource = send("annolab:bulk-create-annotations?" + TARGET, List.of(Map.of("type", "A")), Map.of());
        assertThat(noSource.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no source");
        Exchange noProject = send("annolab:bulk-create-annotations", List.of(Map.of("type", "A", "source", 1)),
                Map.of());
        assertThat(noProject.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no project");
        Exchange unknownType = send("annolab:bulk-create-annotations?" + TARGET, List.of(Map.of("type", 424242,
                "source", a.id())), Map.of());
        assertThat(unknownType.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("annotations[0]: Annotation type 424242 not found");
        assertThat(calls(BULK_ANNOTATIONS)).isEqualTo(6);
    }

    @Test
    void withPreventDuplicationALostAnswerIsSentAgainWithoutCopiesWithoutItIsNot() {
        AnnoLabSource a = source("a.txt", TEXT);
        List<Object> two = List.of(Map.of("type", "Org", "offsets", List.of(0, 16), "source", a.id()),
                Map.of("type", "Org", "offsets", List.of(55, 62), "source", a.id()));
        FaultRule.Builder lostAnswer = FaultRule.builder().method("POST").path("/v1/annotation/bulk-create")
                .status(500).afterProcessing(true).count(1);

        fault(lostAnswer);
        @SuppressWarnings("unchecked")
        List<AnnoLabAnnotation> created = ok(send("annolab:bulk-create-annotations?" + TARGET, two, Map.of()),
                List.class);
        assertThat(calls(BULK_ANNOTATIONS)).as("re-sent: the service matches it to what it made").isEqualTo(2);
        assertThat(export().annotations()).hasSize(2).extracting(AnnoLabAnnotation::id)
                .containsExactlyInAnyOrderElementsOf(created.stream().map(AnnoLabAnnotation::id).toList());

        fault(lostAnswer);
        Exchange copies = send("annolab:bulk-create-annotations?preventDuplication=false&" + TARGET, two, Map.of());
        assertThat(copies.getException()).isInstanceOf(InferenceApiException.class).hasMessageContaining("500");
        assertThat(calls(BULK_ANNOTATIONS)).as("not re-sent: it would add copies again").isEqualTo(3);
        assertThat(export().annotations()).hasSize(4);
    }

    @Test
    void layersTypesAndRelationsOneByOneOrInBulk() {
        AnnoLabLayer layer = ok(send("annolab:create-layer?" + TARGET, Map.of("name", "Reviewed", "is_gold", true,
                "description", "checked"), Map.of()), AnnoLabLayer.class);
        assertThat(layer.layerName()).isEqualTo("Reviewed");
        assertThat(layer.isGold()).isTrue();
        assertThat(calls(GET_PROJECT_BY_NAME)).as("the SDK names the project by id: read once").isEqualTo(1);
        AnnoLabAnnotationType type = ok(send("annolab:create-annotation-type?" + TARGET, "Person", Map.of()),
                AnnoLabAnnotationType.class);
        assertThat(type.typeName()).isEqualTo("Person");
        assertThat(type.isRelation()).isFalse();
        Exchange twice = send("annolab:create-layer?" + TARGET, "Reviewed", Map.of());
        assertThat(twice.getException()).isInstanceOf(InferenceApiException.class).hasMessageContaining("409");
        assertThat(calls(CREATE_LAYER)).as("a create is not sent again").isEqualTo(2);
        Exchange both = send("annolab:create-annotation-type?" + TARGET, Map.of("name", "X", "is_relation", true,
                "is_document_classification", true), Map.of());
        assertThat(both.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");

        source("hire.txt", TEXT);
        List<AnnoLabAnnotation> ends = ok(send(ON_HIRE, List.of(Map.of("type", "Organization", "offsets",
                List.of(0, 16)), Map.of("type", "Person", "offsets", List.of(23, 31)), Map.of("type", "Organization",
                "offsets", List.of(55, 62))), Map.of(AnnoLabConstants.SOURCE_NAME, "hire.txt")),
                CreatedAnnotations.class).annotations();
        long acme = ends.get(0).id();
        long jane = ends.get(1).id();
        long initech = ends.get(2).id();

        @SuppressWarnings("unchecked")
        List<AnnoLabRelation> one = ok(send("annolab:create-relations", List.of(Map.of("annotations",
                List.of(acme, jane), "type", "Employs"), Map.of("annotations", List.of(jane, initech), "type",
                "Audits")), Map.of()), List.class);
        assertThat(one).extracting(AnnoLabRelation::typeName).containsExactly("Employs", "Audits");
        assertThat(calls(CREATE_RELATION)).isEqualTo(2);
        @SuppressWarnings("unchecked")
        List<AnnoLabRelation> bulk = ok(send("annolab:bulk-create-relations?" + TARGET, List.of(
                Map.of("annotations", List.of(acme, jane), "type", "Employs"),
                Map.of("predecessorId", initech, "successorId", acme, "value", "client of")), Map.of()), List.class);
        assertThat(bulk.get(0).id()).as("preventDuplication: the existing one").isEqualTo(one.get(0).id());
        assertThat(bulk.get(1).value()).isEqualTo("client of");
        assertThat(export().relations()).hasSize(3);

        Exchange unknown = send("annolab:bulk-create-relations", List.of(Map.of("annotations", List.of(acme,
                424242))), Map.of());
        assertThat(unknown.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("annotation 424242 not found");
        Exchange notARelationType = send("annolab:create-relations", List.of(Map.of("annotations", List.of(acme,
                jane), "type", "Person")), Map.of());
        assertThat(notARelationType.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("'Person' is an annotation type");
    }

    private AnnoLabExport export() {
        return ok(send("annolab:export?fullExport=true&" + TARGET, null, Map.of()), AnnoLabExport.class);
    }
}

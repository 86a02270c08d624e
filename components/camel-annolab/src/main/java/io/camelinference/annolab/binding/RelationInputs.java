package io.camelinference.annolab.binding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.camelinference.annolab.model.AnnoLabRelation;
import io.camelinference.annolab.model.NewRelation;

/**
 * Relations to create, from {@link NewRelation}s, {@link AnnoLabRelation} records, or Maps with the SDK's keys
 * ({@code annotations: [from, to], type, value, reviewed, project}) or the API's ({@code predecessorId, successorId,
 * annoTypeIdentifier, isReviewed, projectIdentifier}). The two annotations are ids (or, on create-annotations, the
 * clientIds of annotations of the same message), sent as strings as the SDK sends them.
 */
final class RelationInputs {

    static final String ACCEPTED = "a List of relations (NewRelation, AnnoLabRelation, or Maps with the SDK's keys:"
            + " annotations [from, to], type, value, reviewed, project), one relation, or JSON text of them";

    static final List<String> KEYS = List.of("annotations", "predecessorId", "successorId", "type",
            "annoTypeIdentifier", "value", "reviewed", "isReviewed", "project", "projectIdentifier");

    private RelationInputs() {
    }

    static List<NewRelation> read(Object items, String what) {
        List<NewRelation> out = new ArrayList<>();
        List<Object> list = Bodies.items(items, what, ACCEPTED);
        for (int i = 0; i < list.size(); i++) {
            out.add(one(list.get(i), what + " relation [" + i + "]"));
        }
        return out;
    }

    private static NewRelation one(Object item, String where) {
        NewRelation r;
        if (item instanceof NewRelation given) {
            r = given;
        } else if (item instanceof AnnoLabRelation a) {
            r = new NewRelation(id(a.predecessorId(), where), id(a.successorId(), where), a.typeName(), a.value(),
                    a.isReviewed(), null);
        } else if (item instanceof Map<?, ?> map) {
            Bodies.checkedKeys(map, KEYS, where);
            Object from = map.get("predecessorId");
            Object to = map.get("successorId");
            if (map.containsKey("annotations")) {
                if (!(map.get("annotations") instanceof Collection<?> pair) || pair.size() != 2) {
                    throw new IllegalArgumentException(where + ": annotations must be the two annotations [from, to],"
                            + " not " + map.get("annotations"));
                }
                List<?> ends = new ArrayList<>(pair);
                from = ends.get(0);
                to = ends.get(1);
            }
            r = new NewRelation(id(from, where), id(to, where), Bodies.identifier(Bodies.value(map, "type",
                    "annoTypeIdentifier"), where, "type"), Bodies.text(map.get("value"), where, "value"),
                    Bodies.flag(Bodies.value(map, "reviewed", "isReviewed"), where, "reviewed"),
                    Bodies.identifier(Bodies.value(map, "project", "projectIdentifier"), where, "project"));
        } else {
            throw new IllegalArgumentException(where + " is a " + (item == null ? "null" : item.getClass().getName())
                    + "; expected " + ACCEPTED);
        }
        if (r.predecessorId() == null || r.successorId() == null) {
            throw new IllegalArgumentException(where + " needs its two annotations: annotations [from, to], or"
                    + " predecessorId and successorId");
        }
        return r;
    }

    private static String id(Object value, String where) {
        Object id = Bodies.identifier(value, where, "annotation id");
        return id == null ? null : String.valueOf(id);
    }
}

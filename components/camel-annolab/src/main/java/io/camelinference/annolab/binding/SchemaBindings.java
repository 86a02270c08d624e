package io.camelinference.annolab.binding;

import java.util.List;
import java.util.Map;

import io.camelinference.annolab.AnnoLabConfiguration;
import io.camelinference.annolab.model.AnnoLabAnnotationType;
import io.camelinference.annolab.model.AnnoLabLayer;
import io.camelinference.annolab.operation.SchemaOperations.NewLayer;
import io.camelinference.annolab.operation.SchemaOperations.NewType;
import io.camelinference.common.operation.Binding;
import org.apache.camel.Message;

/**
 * Reads create-layer and create-annotation-type messages: the name as a String body, or a Map with the SDK's
 * arguments ({@code name, is_gold, description}; {@code name, color, category, is_relation,
 * is_document_classification}) or the API's field names.
 */
public final class SchemaBindings {

    static final List<String> LAYER_KEYS = List.of("name", "layerName", "is_gold", "isGold", "description");
    static final List<String> TYPE_KEYS = List.of("name", "typeName", "color", "category", "is_relation", "isRelation",
            "is_document_classification", "isDocumentClassification");

    private final AnnoLabConfiguration c;

    public SchemaBindings(AnnoLabConfiguration configuration) {
        this.c = configuration;
    }

    public Binding<NewLayer, AnnoLabLayer> createLayer() {
        return Binding.of(ex -> {
            String what = "annolab:create-layer";
            Map<?, ?> body = fields(ex.getMessage(), what, LAYER_KEYS, "layerName");
            return new NewLayer(Refs.project(ex.getMessage(), c, what), name(body, what, "layerName"),
                    Boolean.TRUE.equals(Bodies.flag(Bodies.value(body, "is_gold", "isGold"), what, "is_gold")),
                    Bodies.text(body.get("description"), what, "description"));
        }, (ex, layer) -> ex.getMessage().setBody(layer));
    }

    public Binding<NewType, AnnoLabAnnotationType> createAnnotationType() {
        return Binding.of(ex -> {
            String what = "annolab:create-annotation-type";
            Map<?, ?> body = fields(ex.getMessage(), what, TYPE_KEYS, "typeName");
            boolean relation = Boolean.TRUE.equals(Bodies.flag(Bodies.value(body, "is_relation", "isRelation"), what,
                    "is_relation"));
            boolean classification = Boolean.TRUE.equals(Bodies.flag(Bodies.value(body,
                    "is_document_classification", "isDocumentClassification"), what, "is_document_classification"));
            if (relation && classification) {
                throw new IllegalArgumentException(what + ": a type is of relations or of document classifications,"
                        + " not both");
            }
            return new NewType(Refs.project(ex.getMessage(), c, what), name(body, what, "typeName"),
                    Bodies.text(body.get("color"), what, "color"), Bodies.text(body.get("category"), what, "category"),
                    relation, classification);
        }, (ex, type) -> ex.getMessage().setBody(type));
    }

    /** A String body is the name; a Map (or JSON object) holds the fields. */
    private static Map<?, ?> fields(Message in, String what, List<String> keys, String nameKey) {
        String accepted = "the name as a String, or a Map with " + String.join(", ", keys);
        Object body = in.getBody();
        if (body instanceof CharSequence text && !text.toString().strip().startsWith("{")) {
            return text.toString().isBlank() ? Map.of() : Map.of(nameKey, text.toString().strip());
        }
        Object parsed = Bodies.parsed(body, what, accepted);
        if (parsed instanceof Map<?, ?> map) {
            return Bodies.checkedKeys(map, keys, what + " body");
        }
        throw new IllegalArgumentException(what + " expects " + accepted + "; the body is "
                + io.camelinference.common.operation.MessageValues.describe(body));
    }

    private static String name(Map<?, ?> body, String what, String apiName) {
        String name = Bodies.text(Bodies.value(body, "name", apiName), what, "name");
        if (Refs.blank(name)) {
            throw new IllegalArgumentException(what + " needs a name: the body as a String, or a Map with name");
        }
        return name.strip();
    }
}

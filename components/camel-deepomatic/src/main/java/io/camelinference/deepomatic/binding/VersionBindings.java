package io.camelinference.deepomatic.binding;

import java.util.List;
import java.util.Map;

import io.camelinference.common.operation.Binding;
import io.camelinference.deepomatic.DeepomaticConfiguration;
import io.camelinference.deepomatic.DeepomaticConstants;
import io.camelinference.deepomatic.model.DeepomaticVersion;
import io.camelinference.deepomatic.operation.SpecOperations.SpecRef;
import org.apache.camel.Message;

/** The bindings of the recognition version operations. */
public final class VersionBindings {

    /** The fields a version is created with, all required (the official client's RecognitionVersion template). */
    static final List<String> FIELDS = List.of("spec_id", "network_id", "post_processings");

    private VersionBindings() {
    }

    /** {@code versions}: nothing to read; the list and its size. */
    public static Binding<Void, List<DeepomaticVersion>> list() {
        return Binding.of(exchange -> null, (exchange, versions) -> written(exchange.getMessage(), versions));
    }

    /** {@code spec-versions}: the specification from the header, the option or the body; the list and its size. */
    public static Binding<SpecRef, List<DeepomaticVersion>> ofSpec(DeepomaticConfiguration configuration) {
        return Binding.of(exchange -> {
            Message in = exchange.getMessage();
            String specId = SpecIds.orBody(in, configuration, "deepomatic:spec-versions");
            return new SpecRef(specId, SpecIds.isPublic(in, configuration, specId));
        }, (exchange, versions) -> written(exchange.getMessage(), versions));
    }

    /** {@code version}: the id from the header, the option or the body. */
    public static Binding<String, DeepomaticVersion> get(DeepomaticConfiguration configuration) {
        return Binding.of(exchange -> versionId(exchange.getMessage(), configuration, "deepomatic:version"),
                (exchange, version) -> write(exchange.getMessage(), version));
    }

    /**
     * {@code create-version}: a DeepomaticVersion, a Map or a JSON object String with spec_id, network_id and
     * post_processings (one per output of the specification), checked before anything is sent.
     */
    public static Binding<Object, DeepomaticVersion> create() {
        return Binding.of(exchange -> {
            Map<String, Object> fields = Bodies.object(exchange.getMessage().getBody(), DeepomaticVersion.class,
                    "create-version", "a DeepomaticVersion, a Map or a JSON object String with " + String.join(", ",
                            FIELDS));
            Bodies.check(fields, FIELDS, FIELDS, "create-version");
            if (!(fields.get("post_processings") instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalArgumentException("deepomatic:create-version needs post_processings as a List: one"
                        + " {\"classification\": {...}} or {\"detection\": {...}} per output of the specification");
            }
            return fields;
        }, (exchange, version) -> write(exchange.getMessage(), version));
    }

    /** {@code delete-version}: the id from the header, the option or the body; the body becomes empty. */
    public static Binding<String, String> delete(DeepomaticConfiguration configuration) {
        return Binding.of(exchange -> versionId(exchange.getMessage(), configuration, "deepomatic:delete-version"),
                (exchange, versionId) -> {
                    exchange.getMessage().setHeader(DeepomaticConstants.VERSION_ID, versionId);
                    exchange.getMessage().setBody(null);
                });
    }

    static String versionId(Message in, DeepomaticConfiguration configuration, String what) {
        return ResourceIds.orBody(in, DeepomaticConstants.VERSION_ID, configuration.getVersionId(), what, "versionId");
    }

    private static void write(Message message, DeepomaticVersion version) {
        message.setHeader(DeepomaticConstants.VERSION_ID, version.id());
        if (version.specId() != null) {
            message.setHeader(DeepomaticConstants.SPEC_ID, version.specId());
        }
        message.setBody(version);
    }

    private static void written(Message message, List<DeepomaticVersion> versions) {
        message.setHeader(DeepomaticConstants.VERSION_COUNT, versions.size());
        message.setBody(versions);
    }
}

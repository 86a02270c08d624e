package io.camelinference.deepomatic.binding;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelinference.common.json.Json;
import io.camelinference.common.operation.Binding;
import io.camelinference.common.operation.MessageValues;
import io.camelinference.deepomatic.DeepomaticConfiguration;
import io.camelinference.deepomatic.DeepomaticConstants;
import io.camelinference.deepomatic.model.DeepomaticSpec;
import io.camelinference.deepomatic.operation.SpecOperations.SpecChange;
import io.camelinference.deepomatic.operation.SpecOperations.SpecRef;
import org.apache.camel.Message;

/** The bindings of the recognition specification operations. */
public final class SpecBindings {

    private SpecBindings() {
    }

    /** {@code specs}: which list (the publicSpec header or option; your own when not set); the list and its size. */
    public static Binding<Boolean, List<DeepomaticSpec>> list(DeepomaticConfiguration configuration) {
        return Binding.of(exchange -> Boolean.TRUE.equals(MessageValues.option(exchange.getMessage(),
                        DeepomaticConstants.PUBLIC_SPEC, configuration.getPublicSpec(), Boolean.class)),
                (exchange, specs) -> {
                    exchange.getMessage().setHeader(DeepomaticConstants.SPEC_COUNT, specs.size());
                    exchange.getMessage().setBody(specs);
                });
    }

    /** {@code spec}: the id from the header, the option or the body. */
    public static Binding<SpecRef, DeepomaticSpec> get(DeepomaticConfiguration configuration) {
        return Binding.of(exchange -> {
            Message in = exchange.getMessage();
            String specId = SpecIds.orBody(in, configuration, "deepomatic:spec");
            return new SpecRef(specId, SpecIds.isPublic(in, configuration, specId));
        }, (exchange, spec) -> write(exchange.getMessage(), spec));
    }

    /** {@code create-spec}: the specification in the body. */
    public static Binding<Object, DeepomaticSpec> create() {
        return Binding.of(exchange -> specBody(exchange.getMessage().getBody(), "create-spec"),
                (exchange, spec) -> write(exchange.getMessage(), spec));
    }

    /** {@code update-spec}: the id from the header or the option, the changes in the body. */
    public static Binding<SpecChange, DeepomaticSpec> update(DeepomaticConfiguration configuration) {
        return Binding.of(exchange -> {
            Message in = exchange.getMessage();
            String specId = SpecIds.required(in, configuration, "deepomatic:update-spec");
            SpecIds.requirePrivate(in, configuration, specId, "deepomatic:update-spec");
            return new SpecChange(specId, specBody(in.getBody(), "update-spec"));
        }, (exchange, spec) -> write(exchange.getMessage(), spec));
    }

    /** {@code delete-spec}: the id from the header, the option or the body; the body becomes empty. */
    public static Binding<String, String> delete(DeepomaticConfiguration configuration) {
        return Binding.of(exchange -> {
            Message in = exchange.getMessage();
            String specId = SpecIds.orBody(in, configuration, "deepomatic:delete-spec");
            SpecIds.requirePrivate(in, configuration, specId, "deepomatic:delete-spec");
            return specId;
        }, (exchange, specId) -> {
            exchange.getMessage().setHeader(DeepomaticConstants.SPEC_ID, specId);
            exchange.getMessage().setBody(null);
        });
    }

    private static void write(Message message, DeepomaticSpec spec) {
        message.setHeader(DeepomaticConstants.SPEC_ID, spec.id());
        message.setBody(spec);
    }

    /** The body of create-spec / update-spec: a DeepomaticSpec, a Map, or a JSON object String. */
    static Object specBody(Object body, String operation) {
        if (body instanceof DeepomaticSpec || body instanceof Map<?, ?>) {
            return body;
        }
        if (body instanceof CharSequence text && !text.toString().isBlank()) {
            Object parsed;
            try {
                parsed = Json.mapper().readValue(text.toString(), Object.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("deepomatic:" + operation + " expects a String body to be a JSON"
                        + " object; it is not valid JSON (" + e.getOriginalMessage() + ")", e);
            }
            if (parsed instanceof Map<?, ?> object) {
                return object;
            }
            throw new IllegalArgumentException("deepomatic:" + operation + " expects a String body to be a JSON object;"
                    + " it is a JSON " + (parsed == null ? "null" : parsed.getClass().getSimpleName()));
        }
        throw new IllegalArgumentException("deepomatic:" + operation + " needs the specification in the body: a"
                + " DeepomaticSpec, a Map or a JSON object String"
                + ("create-spec".equals(operation) ? " with name and outputs" : " with name, metadata or"
                + " current_version_id") + "; got " + (body == null ? "nothing" : body.getClass().getSimpleName()));
    }
}

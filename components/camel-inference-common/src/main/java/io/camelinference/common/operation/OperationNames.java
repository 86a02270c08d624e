package io.camelinference.common.operation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.camel.Message;

/**
 * The one parser of operation names. URIs and the operation header use kebab-case ({@code create-spec}); Java code and
 * the catalog use the camelCase constants ({@code createSpec}); both are accepted, case-insensitively.
 */
public final class OperationNames {

    private OperationNames() {
    }

    /** The kebab-case form of a camelCase constant name: {@code createSpec} becomes {@code create-spec}. */
    public static String kebab(String camelCase) {
        // asked for on every exchange (URIs, headers, meter tags): each name is worked out once
        return KEBAB.computeIfAbsent(camelCase,
                name -> name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
    }

    private static final java.util.concurrent.ConcurrentMap<String, String> KEBAB =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @throws IllegalArgumentException naming the accepted operations
     */
    public static <O extends Enum<O> & UriOperation> O parse(Class<O> type, String scheme, String name) {
        String wanted = name == null ? "" : name.strip().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        for (O operation : type.getEnumConstants()) {
            if (operation.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown " + scheme + " operation '" + name + "': expected one of "
                + Arrays.stream(type.getEnumConstants()).map(UriOperation::uriName).collect(Collectors.joining(", ")));
    }

    /** The operation a message asks for in the header, or the endpoint's. */
    public static <O extends Enum<O> & UriOperation> O of(Message message, String header, O endpointOperation,
                                                           Class<O> type, String scheme) {
        Object value = message.getHeader(header);
        if (value == null) {
            return endpointOperation;
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        try {
            return parse(type, scheme, value.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Header " + header + ": " + e.getMessage(), e);
        }
    }
}

package io.camelinference.common.operation;

/**
 * An operation enum constant: camelCase constant (the catalog's value), kebab-case name in URIs and headers. Every
 * component's operation enum implements it and parses names with {@link OperationNames}.
 */
public interface UriOperation {

    /** The enum constant's name, e.g. {@code createSpec} (implemented by every enum). */
    String name();

    /** The kebab-case name, e.g. {@code create-spec}. */
    default String uriName() {
        return OperationNames.kebab(name());
    }
}

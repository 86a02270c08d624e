package io.camelinference.common.operation;

/**
 * An operation enum constant: camelCase constant (the catalog's value), kebab-case name in URIs and headers. Every
 * component's operation enum implements it and parses names with {@link OperationNames}.
 */
public interface UriOperation {

    /** The kebab-case name, e.g. {@code create-spec}. */
    String uriName();
}

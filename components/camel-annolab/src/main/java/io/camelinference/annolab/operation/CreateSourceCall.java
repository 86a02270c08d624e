package io.camelinference.annolab.operation;

/**
 * One document for create-source, as the binding read it.
 *
 * @param target   project and directory
 * @param document the document, with the name chosen for it
 */
public record CreateSourceCall(Target target, Document document) {
}

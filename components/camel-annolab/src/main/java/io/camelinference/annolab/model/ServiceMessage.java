package io.camelinference.annolab.model;

/** An answer that is only a message, e.g. {@code DELETE /v1/source/{id}}'s. */
public record ServiceMessage(String message) {
}

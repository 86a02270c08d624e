package io.camelinference.commsmining.model;

/** The model that answered: its pinned version and when it was trained. */
public record ModelInfo(Integer version, String time) {
}

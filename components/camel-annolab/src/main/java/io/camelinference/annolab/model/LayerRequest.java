package io.camelinference.annolab.model;

/** The body of {@code POST /v1/layer/create}, as the SDK's {@code create_annotation_layer} sends it. */
public record LayerRequest(Object projectIdentifier, String layerName, boolean isGold, String description) {
}

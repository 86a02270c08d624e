package io.camelinference.annolab.model;

import java.util.List;

/**
 * The body of {@code POST /v1/infer/batch}.
 *
 * @param outputLayerIdentifier the layer's id (sent as a number) or name (sent as a string): the API takes both
 */
public record InferRequest(String projectIdentifier, String modelIdentifier, List<Long> sourceIds,
                           Object outputLayerIdentifier, String groupName) {

    /** The request, sending a layer given as digits as its id. */
    public static InferRequest of(String project, String model, List<Long> sourceIds, String layer, String group) {
        Object layerIdentifier = layer.matches("\\d{1,18}") ? (Object) Long.parseLong(layer) : layer;
        return new InferRequest(project, model, sourceIds, layerIdentifier, group);
    }
}

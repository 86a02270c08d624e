package io.camelinference.annolab.model;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * An annotation layer, as {@code POST /v1/layer/create} answers it (AnnoLab's docs) and as an export's
 * {@code *.layers.jsonl} lists it ({@code name}, {@code isGoldSet}).
 */
public record AnnoLabLayer(Long id, @JsonAlias("name") String layerName, Long projectId, String projectName,
                           @JsonAlias("isGoldSet") Boolean isGold, String description) {
}

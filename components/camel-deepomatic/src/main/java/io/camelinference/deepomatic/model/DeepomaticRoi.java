package io.camelinference.deepomatic.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a detector found a label: a region id and its relative box. */
public record DeepomaticRoi(@JsonProperty("region_id") Integer regionId, DeepomaticBox bbox) {
}

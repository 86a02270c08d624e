package io.camelinference.labelstudio.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A data manager action's answer. Label Studio says "Retrieved N predictions" for the N selected tasks even when its
 * backend stored none: count the predictions to know.
 */
public record ActionResult(@JsonProperty("processed_items") Integer processedItems, String detail) {
}

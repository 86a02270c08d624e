package io.camelinference.labelstudio.operation;

import io.camelinference.labelstudio.model.ActionResult;

/**
 * What retrieve-predictions did: Label Studio's answer, and how many predictions the selected tasks have now (its
 * answer says "Retrieved N" whatever the backend gave, so the component counts).
 */
public record RetrieveResult(ActionResult action, int storedPredictions) {
}

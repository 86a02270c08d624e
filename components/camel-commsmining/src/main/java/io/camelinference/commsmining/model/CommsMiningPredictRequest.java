package io.camelinference.commsmining.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One predict request exactly as sent: at most 4096 documents, the threshold (a Double, or {@code "auto"}) and the
 * labels asked for. As a message body it is sent as it is (refused before sending when it holds more than 4096
 * documents); send a List of documents instead to have the component split it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommsMiningPredictRequest(List<CommsMiningDocument> documents, Object threshold,
                                        List<LabelRequest> labels) {
}

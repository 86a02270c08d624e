package io.camelinference.deepomatic.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The result of {@code deepomatic:inference} for one image: which image, on which specification (or recognition
 * version), the task that ran it, its status and, once it succeeded, the outputs (predicted and discarded labels, with
 * boxes for detectors). Serialises to JSON in the service's own field names.
 *
 * @param image     what was sent: the file name, the URL, or {@code data:} for a data URI
 * @param specId    the recognition specification, or null for an inference on a version
 * @param versionId the recognition version, or null for an inference on a specification
 * @param taskId  the Deepomatic task id
 * @param status  {@code success}, or {@code pending} when the producer did not wait (waitForCompletion=false)
 * @param outputs one per specification output; empty while pending
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeepomaticResult(
        String image,
        @JsonProperty("spec_id") String specId,
        @JsonProperty("version_id") String versionId,
        @JsonProperty("task_id") String taskId,
        String status,
        List<DeepomaticOutput> outputs) {

    public DeepomaticResult {
        outputs = outputs == null ? List.of() : outputs;
    }

    /** The best predicted label of the first output, or null when nothing was predicted. */
    @JsonIgnore
    public DeepomaticPrediction top() {
        return outputs.isEmpty() || outputs.get(0).labels() == null || outputs.get(0).labels().predicted().isEmpty()
                ? null : outputs.get(0).labels().predicted().get(0);
    }

    /** The predicted labels of the first output, best first. */
    @JsonIgnore
    public List<DeepomaticPrediction> predicted() {
        return outputs.isEmpty() || outputs.get(0).labels() == null ? List.of() : outputs.get(0).labels().predicted();
    }
}

package io.camelinference.deepomatic.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A recognition specification: what a recognition model outputs. Public ones have string ids (e.g.
 * {@code fashion-v4}); your own have integer ids (kept here as text), the id of the task that created them and the
 * recognition version they run ({@code current_version_id}, hidden for public ones). Lists leave {@code outputs} out.
 * Also the body of {@code create-spec} (name and outputs required) and {@code update-spec} (only name, metadata and
 * current_version_id can change; unset fields are not sent).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeepomaticSpec(
        String id,
        String name,
        String description,
        @JsonProperty("task_id") String taskId,
        @JsonProperty("update_date") String updateDate,
        Map<String, Object> metadata,
        List<Output> outputs,
        @JsonProperty("current_version_id") Integer currentVersionId) {

    /** One output of a specification. */
    public record Output(Labels labels) {
    }

    /** {@code roi} is {@code NONE} (classification) or {@code BBOX} (detection). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Labels(String roi, Boolean exclusive, List<Label> labels) {
    }

    public record Label(Integer id, String name) {
    }

    /** A new private specification with one output. */
    public static DeepomaticSpec of(String name, String description, String roi, boolean exclusive,
                                    List<String> labelNames) {
        List<Label> labels = new java.util.ArrayList<>();
        for (int i = 0; i < labelNames.size(); i++) {
            labels.add(new Label(i, labelNames.get(i)));
        }
        return new DeepomaticSpec(null, name, description, null, null, null,
                List.of(new Output(new Labels(roi, exclusive, labels))), null);
    }
}

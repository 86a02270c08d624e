package io.camelinference.labelstudio.model;

import java.util.Map;

/**
 * A webhook Label Studio sent the ML backend: {@code START_TRAINING} (the "Start Training" button, or the train
 * operation) or an annotation event ({@code ANNOTATION_CREATED}, {@code ANNOTATION_UPDATED},
 * {@code ANNOTATION_DELETED}), with the project and, for annotations, the task and annotation.
 *
 * @param action  the event
 * @param project the project's id, or null
 * @param labelConfig the project's label config, parsed
 * @param payload the whole webhook body
 */
public record LabelStudioEvent(String action, Long project, LabelConfig labelConfig, Map<String, Object> payload) {

    /** The annotation of an annotation event, or null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> annotation() {
        return payload.get("annotation") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** The task of an annotation event, or null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> task() {
        return payload.get("task") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }
}

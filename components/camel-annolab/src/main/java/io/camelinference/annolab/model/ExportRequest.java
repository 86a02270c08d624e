package io.camelinference.annolab.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code POST /v1/export/project}: annotation types, no source files, no text bounds.
 *
 * @param sourceIds            only these sources; all when null
 * @param annotationLayerNames only these layers; all when null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportRequest(String projectIdentifier, String groupName, boolean includeAnnotationTypes,
                            boolean includeSources, boolean includeTextBounds, List<Long> sourceIds,
                            List<String> annotationLayerNames) {

    public static ExportRequest of(String project, String group, List<Long> sourceIds, List<String> layers) {
        return new ExportRequest(project, group, true, false, false, sourceIds, layers);
    }
}

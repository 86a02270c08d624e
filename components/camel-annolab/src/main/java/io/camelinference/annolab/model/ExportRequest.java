package io.camelinference.annolab.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code POST /v1/export/project}, as the SDK's {@code ProjectExport.start} sends it. The infer chain asks
 * for annotation types, no sources and no text bounds.
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

    /** With the files asked for: all three make the zip the SDK's create_project_from_export reads. */
    public static ExportRequest of(String project, String group, List<Long> sourceIds, List<String> layers,
                                   boolean types, boolean sources, boolean textBounds) {
        return new ExportRequest(project, group, types, sources, textBounds, sourceIds, layers);
    }
}

package io.camelinference.annolab.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One annotation to create, in AnnoLab's API names (what the SDK's {@code Annotation.create_api_annotation} makes of
 * its {@code type, client_id, value, offsets, bbox, text_bounds, image_bounds, layer, page, endPage, reviewed, source,
 * directory, project}). Only the fields set are sent.
 *
 * @param annoTypeIdentifier  the annotation type's name or id (required)
 * @param clientId            passed through to the answer: relations in the same request refer to it
 * @param layerIdentifier     the layer's name or id; the project's default layer when null
 * @param sourceIdentifier    the source's name (in directoryIdentifier) or id: bulk create only
 * @param projectIdentifier   the project's id or name: bulk create only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewAnnotation(Object annoTypeIdentifier, String clientId, List<Integer> offsets, String value,
                            List<Number> bbox, Object textBounds, Object imageBounds, Object layerIdentifier,
                            Integer pageNumber, Integer endPageNumber, Boolean isReviewed, Object sourceIdentifier,
                            Object directoryIdentifier, Object projectIdentifier) {

    /** The same annotation for another source and project (bulk create names them per annotation). */
    public NewAnnotation at(Object source, Object directory, Object project) {
        return new NewAnnotation(annoTypeIdentifier, clientId, offsets, value, bbox, textBounds, imageBounds,
                layerIdentifier, pageNumber, endPageNumber, isReviewed, source, directory, project);
    }

    /** The same annotation in the project when it names none. */
    public NewAnnotation inProject(Object project) {
        return projectIdentifier != null ? this : at(sourceIdentifier, directoryIdentifier, project);
    }
}

package io.camelinference.annolab.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One relation to create, in AnnoLab's API names (what the SDK's {@code AnnotationRelation.create_api_relation} makes
 * of {@code annotations: [from, to], type, value, reviewed, project}): the ids as strings, as the SDK sends them. On a
 * source's annotations call the ids may be the {@code clientId}s of annotations in the same request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewRelation(String predecessorId, String successorId, Object annoTypeIdentifier, String value,
                          Boolean isReviewed, Object projectIdentifier) {

    /** The same relation in the project when it names none. */
    public NewRelation inProject(Object project) {
        return projectIdentifier != null || project == null ? this
                : new NewRelation(predecessorId, successorId, annoTypeIdentifier, value, isReviewed, project);
    }
}

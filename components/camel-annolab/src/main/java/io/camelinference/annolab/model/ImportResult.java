package io.camelinference.annolab.model;

import java.util.List;

/**
 * What import-annotations created (or, with preventDuplication, found already there).
 *
 * @param annotations        the annotations on the target sources, each with its original id as clientId
 * @param relations          the relations between them
 * @param skippedAnnotations annotations whose source the target project has not (by name and directory)
 * @param skippedRelations   relations one of whose annotations was skipped
 */
public record ImportResult(List<AnnoLabAnnotation> annotations, List<AnnoLabRelation> relations,
                           int skippedAnnotations, int skippedRelations) {
}

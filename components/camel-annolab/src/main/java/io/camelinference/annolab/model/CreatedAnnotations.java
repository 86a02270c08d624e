package io.camelinference.annolab.model;

import java.util.List;

/**
 * What create-annotations made on a source: the annotations (with the clientIds the request gave them) and the
 * relations between them. With preventDuplication, annotations and relations that existed already are answered in
 * the place of copies.
 */
public record CreatedAnnotations(List<AnnoLabAnnotation> annotations, List<AnnoLabRelation> relations) {
}

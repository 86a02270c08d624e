package io.camelinference.annolab.binding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import io.camelinference.annolab.AnnoLabConstants;
import io.camelinference.annolab.model.AnnoLabAnnotation;
import org.apache.camel.Message;

/** What a route most often asks of annotation records, as headers: how many there are, and of which types. */
final class AnnotationHeaders {

    private AnnotationHeaders() {
    }

    static void write(Message message, List<AnnoLabAnnotation> annotations) {
        message.setHeader(AnnoLabConstants.ANNOTATION_COUNT, annotations.size());
        message.setHeader(AnnoLabConstants.ANNOTATION_TYPES, new ArrayList<>(annotations.stream()
                .map(AnnoLabAnnotation::type).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new))));
    }
}

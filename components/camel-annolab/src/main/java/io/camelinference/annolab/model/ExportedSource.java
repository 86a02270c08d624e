package io.camelinference.annolab.model;

import java.util.List;

/**
 * One {@code annotations/<sourceId>.json} entry of an AnnoLab project export: a source and its annotations.
 */
public record ExportedSource(Long sourceId, String sourceName, String directoryName, String type,
                             List<Entry> annotations) {

    /** An annotation as the export writes it: offsets are a two-element array. */
    public record Entry(Long id, String annotationType, String value, List<Integer> offsets, Integer pageNumber,
                        Integer endPageNumber, String layerName, Long sourceId, String sourceName) {

        public AnnoLabAnnotation toAnnotation(ExportedSource source) {
            Integer start = offsets != null && offsets.size() > 0 ? offsets.get(0) : null;
            Integer end = offsets != null && offsets.size() > 1 ? offsets.get(1) : null;
            return new AnnoLabAnnotation(id, annotationType, value, start, end, layerName,
                    sourceId != null ? sourceId : source.sourceId(),
                    sourceName != null ? sourceName : source.sourceName(), pageNumber, endPageNumber);
        }
    }
}

package io.camelinference.annolab.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One source of a project export: a line of {@code *.sources.jsonl} (exports with includeSources), with its text
 * bounds from {@code *.text-bounds.jsonl} when the export has them (PDFs, includeTextBounds).
 *
 * @param type       {@code text} or {@code pdf}
 * @param text       the source's text (a PDF's extracted text, pages separated by form feeds)
 * @param textBounds the PDF's text bounds, or null
 */
public record ExportedSource(Long sourceId, String sourceName, String directoryName, String type, String text,
                             JsonNode textBounds) {

    public ExportedSource withTextBounds(JsonNode bounds) {
        return new ExportedSource(sourceId, sourceName, directoryName, type, text, bounds);
    }
}

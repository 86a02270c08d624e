package io.camelinference.annolab.model;

import java.util.List;

/**
 * A project export read back into records: what the zip's JSON-lines files hold (the layout the SDK's importer reads).
 * Lists of files the export was made without (sources, annotation types) are empty; the PDF files themselves are not
 * read (keep the zip with outputDirectory to have them).
 */
public record AnnoLabExport(List<ExportedSource> sources, List<AnnoLabAnnotation> annotations,
                            List<AnnoLabRelation> relations, List<AnnoLabLayer> layers,
                            List<AnnoLabAnnotationType> annotationTypes) {
}

package io.camelinference.annolab.operation;

import java.io.File;
import java.util.List;

import io.camelinference.annolab.model.AnnoLabAnnotation;

/**
 * What export gives back: the zip kept in the output directory, or the annotations read from it.
 *
 * @param zip         the kept zip, or null
 * @param annotations the records, or null
 */
public record ExportResult(File zip, List<AnnoLabAnnotation> annotations) {
}

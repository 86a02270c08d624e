package io.camelinference.annolab.operation;

import java.io.File;
import java.util.List;

import io.camelinference.annolab.model.AnnoLabAnnotation;
import io.camelinference.annolab.model.AnnoLabExport;

/**
 * What export gives back: the zip kept in the output directory, the annotations read from it, or all its records.
 *
 * @param zip         the kept zip, or null
 * @param annotations the annotation records, or null
 * @param contents    every record of the zip (fullExport), or null
 */
public record ExportResult(File zip, List<AnnoLabAnnotation> annotations, AnnoLabExport contents) {
}

package io.camelinference.annolab.operation;

import java.nio.file.Path;
import java.util.List;

/**
 * One export, as the binding read it.
 *
 * @param target          project (and the layer, as a default filter)
 * @param sourceIds       only these sources, or null for all
 * @param layers          only these layers, or null for all
 * @param outputDirectory where the zip is kept, or null to read the annotations and delete it
 * @param progress        what the export learns, for the message's headers
 */
public record ExportCall(Target target, List<Long> sourceIds, List<String> layers, Path outputDirectory,
                         Progress progress) {
}

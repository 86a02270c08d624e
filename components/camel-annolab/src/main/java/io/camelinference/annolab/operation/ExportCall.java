package io.camelinference.annolab.operation;

import java.nio.file.Path;
import java.util.List;

/**
 * One export, as the binding read it.
 *
 * @param target          project (and the layer, as a default filter)
 * @param sourceIds       only these sources, or null for all
 * @param layers          only these layers, or null for all
 * @param outputDirectory where the zip is kept, or null to read the records and delete it
 * @param files           which optional files the zip holds
 * @param full            read every record (sources, annotations, relations, layers, types), not only annotations
 * @param progress        what the export learns, for the message's headers
 */
public record ExportCall(Target target, List<Long> sourceIds, List<String> layers, Path outputDirectory,
                         Files files, boolean full, Progress progress) {

    /**
     * The export's optional files: all three make the zip the SDK's create_project_from_export reads back.
     *
     * @param annotationTypes the {@code *.atntypes.jsonl}
     * @param sources         the {@code *.sources.jsonl} and the PDF files
     * @param textBounds      the {@code *.text-bounds.jsonl}
     */
    public record Files(boolean annotationTypes, boolean sources, boolean textBounds) {
    }
}

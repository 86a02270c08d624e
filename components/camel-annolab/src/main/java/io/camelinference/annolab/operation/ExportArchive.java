package io.camelinference.annolab.operation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.camelinference.annolab.model.AnnoLabAnnotation;
import io.camelinference.annolab.model.ExportedSource;
import io.camelinference.common.archive.ZipEntries;
import io.camelinference.common.json.Json;

/**
 * Reads the annotations out of a downloaded AnnoLab export zip, streaming: entry by entry from the file, one
 * {@code annotations/<sourceId>.json} at a time; source texts and other entries are skipped unread.
 */
public final class ExportArchive {

    private ExportArchive() {
    }

    public static List<AnnoLabAnnotation> annotations(Path zip) throws IOException {
        List<AnnoLabAnnotation> out = new ArrayList<>();
        ZipEntries.forEach(zip, (name, content) -> {
            if (name.startsWith("annotations/") && name.endsWith(".json")) {
                ExportedSource source = Json.mapper().readValue(content, ExportedSource.class);
                if (source.annotations() != null) {
                    for (ExportedSource.Entry entry : source.annotations()) {
                        out.add(entry.toAnnotation(source));
                    }
                }
            }
        });
        return out;
    }
}

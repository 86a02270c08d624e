package io.camelinference.annolab.binding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import io.camelinference.annolab.AnnoLabConfiguration;
import io.camelinference.annolab.AnnoLabConstants;
import io.camelinference.annolab.model.AnnoLabAnnotation;
import io.camelinference.annolab.model.AnnoLabExport;
import io.camelinference.annolab.model.ImportResult;
import io.camelinference.annolab.operation.ExportArchive;
import io.camelinference.annolab.operation.ImportOperation;
import io.camelinference.common.operation.Binding;
import io.camelinference.common.operation.MessageValues;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

/**
 * import-annotations: the body an export (a zip file, e.g. one export kept in its outputDirectory, or an
 * AnnoLabExport record from fullExport) or a List of AnnoLabAnnotation records; the zip is read here, before anything
 * is sent, so a file that is not an export fails with nothing created.
 */
public final class ImportBinding implements Binding<ImportOperation.Call, ImportResult> {

    static final String ACCEPTED = "an AnnoLab export zip (File, Path, a file from the file consumer), an"
            + " AnnoLabExport record (export with fullExport), or a List of AnnoLabAnnotation records";

    private final AnnoLabConfiguration c;

    public ImportBinding(AnnoLabConfiguration configuration) {
        this.c = configuration;
    }

    @Override
    public ImportOperation.Call read(org.apache.camel.Exchange exchange) {
        Message in = exchange.getMessage();
        String what = "annolab:import-annotations";
        AnnoLabExport contents = contents(in.getBody(), what);
        if (contents.annotations().isEmpty()) {
            throw new IllegalArgumentException(what + " got an export without annotations: nothing to import,"
                    + " nothing was sent to AnnoLab");
        }
        return new ImportOperation.Call(Refs.project(in, c, what), Refs.source(in, c, what, false, false), contents,
                Refs.preventDuplication(in, c), c.getBulkSize());
    }

    private static AnnoLabExport contents(Object body, String what) {
        if (body instanceof AnnoLabExport export) {
            return export;
        }
        if (body instanceof Collection<?> list && !list.isEmpty()
                && list.stream().allMatch(AnnoLabAnnotation.class::isInstance)) {
            return new AnnoLabExport(List.of(), list.stream().map(AnnoLabAnnotation.class::cast).toList(), List.of(),
                    List.of(), List.of());
        }
        Path zip = file(body);
        if (zip == null) {
            throw new IllegalArgumentException(what + " expects " + ACCEPTED + "; the body is "
                    + MessageValues.describe(body));
        }
        try {
            return ExportArchive.read(zip);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(what + ": " + zip.getFileName() + " is not a readable AnnoLab export ("
                    + e.getMessage() + "); nothing was sent to AnnoLab", e);
        }
    }

    private static Path file(Object body) {
        Object file = body instanceof WrappedFile<?> wrapped ? wrapped.getFile() : body;
        if (file instanceof java.io.File f) {
            return f.toPath();
        }
        return file instanceof Path p ? p : null;
    }

    @Override
    public void write(org.apache.camel.Exchange exchange, ImportResult result) {
        Message out = exchange.getMessage();
        out.setHeader(AnnoLabConstants.ANNOTATION_COUNT, result.annotations().size());
        out.setHeader(AnnoLabConstants.RELATION_COUNT, result.relations().size());
        out.setBody(result);
    }
}

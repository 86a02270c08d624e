package io.camelinference.annolab.operation;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import io.camelinference.annolab.model.AnnoLabExport;
import io.camelinference.annolab.model.ExportRequest;
import io.camelinference.common.component.SafeFileNames;
import io.camelinference.common.operation.Operation;
import io.camelinference.common.poll.PollSchedule;
import io.camelinference.common.time.Deadline;

/**
 * {@code annolab:export}: a project export (the SDK's {@code Project.export}), waited for (within waitTimeout),
 * downloaded; kept as {@code annolab-export-<id>.zip} in the output directory, or read into records (the annotations,
 * or with fullExport everything: sources, annotations, relations, layers, annotation types).
 */
public final class ExportOperation implements Operation<ExportCall, ExportResult> {

    private final ExportSteps exports;
    private final PollSchedule schedule;

    public ExportOperation(ExportSteps exports, PollSchedule schedule) {
        this.exports = exports;
        this.schedule = schedule;
    }

    @Override
    public CompletableFuture<ExportResult> execute(ExportCall call) {
        Deadline deadline = Deadline.in(schedule.waitTimeout());
        String context = "export of " + (call.sourceIds() == null ? "all sources" : "sources " + call.sourceIds())
                + (call.layers() == null ? "" : " in layers " + call.layers());
        ExportCall.Files files = call.files();
        ExportRequest request = ExportRequest.of(call.target().project(), call.target().group(), call.sourceIds(),
                call.layers(), files.annotationTypes(), files.sources(), files.textBounds());
        return exports.start(request).thenCompose(export -> exports
                .await(export, context, schedule, deadline, call.progress())
                .thenCompose(status -> exports.download(status.downloadUrl(), target(call, export))))
                .thenApply(zip -> {
                    if (call.outputDirectory() != null) {
                        return new ExportResult(zip.toFile(), null, null);
                    }
                    AnnoLabExport contents = ExportSteps.readAllAndDelete(zip, context);
                    return new ExportResult(null, contents.annotations(), call.full() ? contents : null);
                });
    }

    private static Path target(ExportCall call, ExportHandle export) {
        if (call.outputDirectory() == null) {
            return null;
        }
        return SafeFileNames.resolveInside(call.outputDirectory(), "annolab-export-"
                + (export.id() != null ? export.id() : System.currentTimeMillis()) + ".zip");
    }
}

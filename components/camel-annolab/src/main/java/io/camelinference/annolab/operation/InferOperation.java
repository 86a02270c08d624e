package io.camelinference.annolab.operation;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import io.camelinference.annolab.client.AnnoLabClient;
import io.camelinference.common.job.ResumableJobs;
import io.camelinference.common.job.StateCodec;
import io.camelinference.common.operation.Operation;
import io.camelinference.common.poll.JobPoller;
import io.camelinference.common.poll.PollSchedule;

/**
 * {@code annolab:infer}: runs (or resumes) the message's {@link InferChain} through the engine's resumable jobs. A PDF
 * stream is spooled here, not in the binding: a call the spend limit refuses never reaches the operation, so it must
 * not have made a file, and from here on every outcome, a synchronous failure included, ends in the release.
 */
public final class InferOperation implements Operation<InferCall, InferResult> {

    static final StateCodec<InferState> CODEC = StateCodec.json(InferState.class);

    private final AnnoLabClient client;
    private final SourceSteps sources;
    private final ExportSteps exports;
    private final ResumableJobs jobs;
    private final JobPoller poller;
    private final PollSchedule schedule;
    private final long jobStateTtl;
    private final Path spoolDirectory;

    /** @param spoolDirectory where a PDF stream of unknown length is copied before its upload */
    public InferOperation(AnnoLabClient client, SourceSteps sources, ExportSteps exports, ResumableJobs jobs,
                          JobPoller poller, PollSchedule schedule, long jobStateTtl, Path spoolDirectory) {
        this.client = client;
        this.sources = sources;
        this.exports = exports;
        this.jobs = jobs;
        this.poller = poller;
        this.schedule = schedule;
        this.jobStateTtl = jobStateTtl;
        this.spoolDirectory = spoolDirectory;
    }

    @Override
    public CompletableFuture<InferResult> execute(InferCall call) {
        // thenCompose on a completed future runs in this thread, and turns a throw (a failed copy) into the failure
        return CompletableFuture.completedFuture(call)
                .thenCompose(c -> jobs.run(c.jobKey(), new InferChain(c.withKnownLength(spoolDirectory), client,
                        sources, exports, poller, schedule, jobStateTtl), CODEC))
                .whenComplete((result, error) -> {
                    if (call.document() != null) {
                        call.document().release();
                    }
                });
    }
}

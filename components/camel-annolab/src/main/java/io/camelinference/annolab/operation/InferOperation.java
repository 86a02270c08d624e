package io.camelinference.annolab.operation;

import java.util.concurrent.CompletableFuture;

import io.camelinference.annolab.client.AnnoLabClient;
import io.camelinference.common.job.ResumableJobs;
import io.camelinference.common.job.StateCodec;
import io.camelinference.common.operation.Operation;
import io.camelinference.common.poll.JobPoller;
import io.camelinference.common.poll.PollSchedule;

/** {@code annolab:infer}: runs (or resumes) the message's {@link InferChain} through the engine's resumable jobs. */
public final class InferOperation implements Operation<InferCall, InferResult> {

    static final StateCodec<InferState> CODEC = StateCodec.json(InferState.class);

    private final AnnoLabClient client;
    private final SourceSteps sources;
    private final ExportSteps exports;
    private final ResumableJobs jobs;
    private final JobPoller poller;
    private final PollSchedule schedule;
    private final long jobStateTtl;

    public InferOperation(AnnoLabClient client, SourceSteps sources, ExportSteps exports, ResumableJobs jobs,
                          JobPoller poller, PollSchedule schedule, long jobStateTtl) {
        this.client = client;
        this.sources = sources;
        this.exports = exports;
        this.jobs = jobs;
        this.poller = poller;
        this.schedule = schedule;
        this.jobStateTtl = jobStateTtl;
    }

    @Override
    public CompletableFuture<InferResult> execute(InferCall call) {
        InferChain chain = new InferChain(call, client, sources, exports, poller, schedule, jobStateTtl);
        return jobs.run(call.jobKey(), chain, CODEC).whenComplete((result, error) -> {
            if (call.document() != null) {
                call.document().release();
            }
        });
    }
}

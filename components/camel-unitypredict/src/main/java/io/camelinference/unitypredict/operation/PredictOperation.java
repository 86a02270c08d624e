package io.camelinference.unitypredict.operation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import io.camelinference.common.body.UploadSource;
import io.camelinference.common.component.InferenceRuntime;
import io.camelinference.common.job.ResumableJobs;
import io.camelinference.common.job.StateCodec;
import io.camelinference.common.operation.Operation;
import io.camelinference.common.poll.JobPoller;
import io.camelinference.common.poll.PollSchedule;
import io.camelinference.unitypredict.UnityPredictConfiguration;
import io.camelinference.unitypredict.client.UnityPredictClient;

/** {@code unitypredict:predict}: runs (or resumes) the message's {@link PredictChain} through the engine's resumable jobs. */
public final class PredictOperation implements Operation<PredictCall, PredictResult> {

    static final StateCodec<PredictState> CODEC = StateCodec.json(PredictState.class);

    private final UnityPredictClient client;
    private final OutputFiles outputs;
    private final ResumableJobs jobs;
    private final JobPoller poller;
    private final PollSchedule schedule;
    private final Duration landing;
    private final ScheduledExecutorService scheduler;
    private final Path spoolDirectory;

    public PredictOperation(UnityPredictClient client, OutputFiles outputs, ResumableJobs jobs, JobPoller poller,
                            UnityPredictConfiguration configuration, InferenceRuntime runtime) {
        this.client = client;
        this.outputs = outputs;
        this.jobs = jobs;
        this.poller = poller;
        this.schedule = configuration.pollSchedule(); // the endpoint's options do not change once it exists
        this.landing = Duration.ofMillis(configuration.getRequestTimeout());
        this.scheduler = runtime.scheduler();
        this.spoolDirectory = runtime.tempDirectory();
    }

    @Override
    public CompletableFuture<PredictResult> execute(PredictCall call) {
        PredictChain chain = new PredictChain(call, client, outputs, poller, schedule, landing, scheduler,
                spoolDirectory);
        return jobs.run(call.jobKey(), chain, CODEC)
                .whenComplete((result, error) -> call.files().values().forEach(UploadSource::release));
    }
}

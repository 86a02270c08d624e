package io.camelinference.annolab.operation;

import java.util.List;

/**
 * How far the infer chain got for one message, as stored after each step (and as a claim before each call that
 * creates something), so that a redelivered or restarted message resumes instead of creating a second source or job.
 *
 * @param phase           {@link Phase}
 * @param sourceName      the name the chain chose for the source it creates (null for source ids from the body)
 * @param sourceIds       the sources, once created (or as the body gave them)
 * @param jobId           the inference job, once started
 * @param layerName       the layer the job writes to
 * @param exportId        the export, once started (when the service gave its id)
 * @param exportStatusUrl where the export's status is polled
 * @param claimedAt       when the billed infer/batch was claimed (epoch milliseconds), in {@code SUBMITTING_JOB}
 */
public record InferState(Phase phase, String sourceName, List<Long> sourceIds, Long jobId, String layerName,
                         Long exportId, String exportStatusUrl, Long claimedAt) {

    /** The steps of the chain, and the claims stored before the calls that create something. */
    public enum Phase {
        /** Nothing sent yet. */
        NEW,
        /** Claim: the source named sourceName is being created; look it up by name before creating it again. */
        CREATING_SOURCE,
        /** The service refused the job for the remembered sources: check that they still exist. */
        CHECKING_SOURCES,
        /** The sources exist; nothing billed yet. */
        SOURCES_CREATED,
        /** Claim: the billed infer/batch was (about to be) sent; its outcome is unknown until it answered. */
        SUBMITTING_JOB,
        /** The job runs. */
        JOB_STARTED,
        /** The job finished; its results are to be exported. */
        JOB_FINISHED,
        /** Claim: an export is being started (exports are free: a lost one is simply started again). */
        STARTING_EXPORT,
        /** The export runs. */
        EXPORT_STARTED,
        /** The export finished; its zip is to be downloaded and read. */
        EXPORT_FINISHED
    }

    /** A chain that creates its source from the message's document. */
    static InferState start() {
        return new InferState(Phase.NEW, null, null, null, null, null, null, null);
    }

    /** A chain on sources the message names by id. */
    static InferState ofSources(List<Long> sourceIds) {
        return new InferState(Phase.SOURCES_CREATED, null, List.copyOf(sourceIds), null, null, null, null, null);
    }

    InferState at(Phase next) {
        return new InferState(next, sourceName, sourceIds, jobId, layerName, exportId, exportStatusUrl, null);
    }

    InferState creating(String name) {
        return new InferState(Phase.CREATING_SOURCE, name, null, null, null, null, null, null);
    }

    InferState withSources(List<Long> ids) {
        return new InferState(Phase.SOURCES_CREATED, sourceName, List.copyOf(ids), null, null, null, null, null);
    }

    InferState submitting(long now) {
        return new InferState(Phase.SUBMITTING_JOB, sourceName, sourceIds, null, null, null, null, now);
    }

    InferState withJob(long id, String layer) {
        return new InferState(Phase.JOB_STARTED, sourceName, sourceIds, id, layer, null, null, null);
    }

    /** Back to the sources: the job is dropped (it failed, or the service no longer knows it). */
    InferState withoutJob() {
        return withSources(sourceIds);
    }

    InferState withExport(Long id, String statusUrl) {
        return new InferState(Phase.EXPORT_STARTED, sourceName, sourceIds, jobId, layerName, id, statusUrl, null);
    }

    /** Back to the finished job: the export is dropped (it errored, or the service no longer knows it). */
    InferState withoutExport() {
        return new InferState(Phase.JOB_FINISHED, sourceName, sourceIds, jobId, layerName, null, null, null);
    }

    /** Whether the chain made the sources itself (so it may make them again), rather than the body naming them. */
    boolean ownsSources() {
        return sourceName != null;
    }
}

package io.camelinference.annolab.operation;

import java.nio.file.Path;
import java.util.List;

import io.camelinference.common.job.ResumableRequest;

/**
 * One message for infer, as the binding read it.
 *
 * @param target            project, model, layer and directory
 * @param document          the document to create as a source, or null when the body names sources
 * @param sourceIds         the sources the body names, or null for a document
 * @param waitForCompletion wait for the job (and its export), or return once the job is accepted
 * @param fetchResults      export and read the annotations once the job finished
 * @param jobKey            identifies the message across attempts and restarts, or null
 * @param progress          what the chain learns, for the message's headers
 */
public record InferCall(Target target, Document document, List<Long> sourceIds, boolean waitForCompletion,
                        boolean fetchResults, String jobKey, Progress progress) implements ResumableRequest {

    /** This call with its PDF stream spooled (see {@link Document#withKnownLength}). */
    public InferCall withKnownLength(Path spoolDir) {
        return document == null ? this : new InferCall(target, document.withKnownLength(spoolDir), sourceIds,
                waitForCompletion, fetchResults, jobKey, progress);
    }

    @Override
    public java.util.Collection<String> jobKeys() {
        return jobKey == null ? List.of() : List.of(jobKey);
    }
}

package io.camelinference.annolab.operation;

import java.util.List;

import io.camelinference.annolab.model.AnnoLabAnnotation;
import io.camelinference.annolab.model.InferenceJob;

/**
 * What infer gives back: the annotations read from the export, or (without fetchResults, or without waiting) the job.
 *
 * @param annotations the records, or null
 * @param job         the finished (or just accepted) job, or null
 */
public record InferResult(List<AnnoLabAnnotation> annotations, InferenceJob job) {

    static InferResult of(List<AnnoLabAnnotation> annotations) {
        return new InferResult(annotations, null);
    }

    static InferResult of(InferenceJob job) {
        return new InferResult(null, job);
    }
}

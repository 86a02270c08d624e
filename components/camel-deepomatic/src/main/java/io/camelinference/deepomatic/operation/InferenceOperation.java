package io.camelinference.deepomatic.operation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.camelinference.common.error.Failures;
import io.camelinference.common.job.ResumableJobs;
import io.camelinference.common.job.StateCodec;
import io.camelinference.common.operation.Operation;
import io.camelinference.common.poll.JobPoller;
import io.camelinference.common.poll.PollSchedule;
import io.camelinference.deepomatic.client.DeepomaticClient;
import io.camelinference.deepomatic.model.DeepomaticResult;

/**
 * {@code deepomatic:inference}: one {@link InferenceChain} per image through the engine's resumable jobs, keyed by the
 * message (a List element by {@code <key>#<index>}), so every image of a message resumes after a restart. Completes
 * when every image is done; when one fails, the message fails with that image's error.
 */
public final class InferenceOperation implements Operation<InferenceCall, InferenceOutcome> {

    static final StateCodec<InferenceState> CODEC = StateCodec.json(InferenceState.class);

    /**
     * What the chains of an endpoint share.
     *
     * @param spoolDirectory where streams are spooled to get a length (and be sent again after a resubmission)
     * @param stateTtl       how long an unknown outcome is refused (the store's time to live)
     */
    public record Context(DeepomaticClient client, TaskChecks checks, JobPoller poller, PollSchedule schedule,
                          Path spoolDirectory, Duration stateTtl) {
    }

    private final ResumableJobs jobs;
    private final Context context;

    public InferenceOperation(ResumableJobs jobs, Context context) {
        this.jobs = jobs;
        this.context = context;
    }

    @Override
    public CompletableFuture<InferenceOutcome> execute(InferenceCall call) {
        int images = call.images().size();
        spool(call);
        Siblings siblings = new Siblings(images);
        AtomicReferenceArray<Throwable> failures = new AtomicReferenceArray<>(images);
        List<CompletableFuture<DeepomaticResult>> runs = new ArrayList<>(images);
        int started = 0;
        try {
            for (int i = 0; i < images; i++) {
                int index = i;
                InferenceChain chain = new InferenceChain(call, index, context, siblings);
                runs.add(jobs.run(call.key(index), chain, CODEC).whenComplete((result, error) -> {
                    chain.release();
                    if (error != null) {
                        failures.set(index, Failures.cause(error));
                        siblings.failed(index, error);
                    }
                }));
                started++;
            }
        } catch (RuntimeException e) {
            // the chains that never started will not release their images' copies
            call.images().subList(started, images).forEach(InferenceOperation::release);
            throw e;
        }
        return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).handle((all, error) -> {
            Throwable failure = firstOwnFailure(failures);
            if (failure != null) {
                throw failure instanceof CompletionException c ? c : new CompletionException(failure);
            }
            return new InferenceOutcome(call.specId(), call.versionId(), call.single(), runs.stream()
                    .map(CompletableFuture::join)
                    .toList());
        });
    }

    /**
     * Spools and sizes every stream before the first chain starts: chains run in order, so an empty stream found by
     * its own chain would be refused only after the images before it were sent and billed. The copies are made once
     * (a resubmission sends the same one) and deleted when the image's chain ends, or here when one is refused.
     */
    private void spool(InferenceCall call) {
        List<ImageInput> images = call.images();
        try {
            for (int i = 0; i < images.size(); i++) {
                ImageInput image = images.get(i);
                if (image.upload() != null && image.upload().withKnownLength(context.spoolDirectory()).length() == 0) {
                    throw new IllegalArgumentException("deepomatic:inference got an empty image in "
                            + (call.single() ? "the body" : "element " + i + " of the body") + " (" + image.name()
                            + ", 0 bytes): nothing was sent");
                }
            }
        } catch (RuntimeException e) {
            images.forEach(InferenceOperation::release);
            throw e;
        }
    }

    /** Deletes the spooled copy of an image's stream, if one was made (files and bytes have none). */
    static void release(ImageInput image) {
        if (image.upload() != null) {
            image.upload().release();
        }
    }

    /** The first image's own failure (not "a sibling failed"), the other own failures suppressed in it. */
    private static Throwable firstOwnFailure(AtomicReferenceArray<Throwable> failures) {
        Throwable first = null;
        Throwable fallback = null;
        for (int i = 0; i < failures.length(); i++) {
            Throwable f = failures.get(i);
            if (f == null) {
                continue;
            }
            if (f instanceof SiblingFailedException) {
                fallback = fallback == null ? f : fallback;
            } else if (first == null) {
                first = f;
            } else if (first != f) {
                first.addSuppressed(f);
            }
        }
        return first != null ? first : fallback;
    }
}

package io.camelinference.common.poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

import io.camelinference.common.batch.MicroBatcher;
import io.camelinference.common.error.InferenceApiException;

/**
 * Gathers the status checks of many pending jobs into one request, for services that can report on many jobs at once
 * (Deepomatic {@code GET /tasks/?task_ids=1&task_ids=2}): a {@link MicroBatcher} of job ids. Use {@link #check(String)}
 * as the per-job check of a {@link JobPoller}: checks asked for within {@code window} of each other go out together, at
 * most {@code maxBatch} ids per request.
 * <p>
 * A request that has room is filled up with other pending jobs (those subscribed as a {@link StatusFeed}), the ones
 * asked about longest ago first: the request goes out anyway, so their answers cost nothing, a finished one is noticed
 * early and a running one's own check is pushed back. Requests then leave full instead of a window's worth of checks
 * each, and fewer of them come due.
 * <p>
 * A job missing from the answer fails its check with a 404 {@link InferenceApiException} (which the poller treats as
 * permanent and a resumable job as "submit again"); a failed batch request fails every check in it (which the poller
 * retries until the job's deadline). Jobs taken along are simply not fed when the answer leaves them out or fails.
 *
 * @param <T> the job result type
 */
public final class BatchStatusChecker<T> implements StatusFeed<T> {

    /** One id's answer in a batch: its status, or why there is none. */
    private record Answer<T>(JobStatus<T> status, RuntimeException error) {
    }

    /** A pending job that takes answers it did not ask for. */
    private static final class Subscriber<T> {
        final Consumer<JobStatus<T>> listener;
        long lastAsked = System.nanoTime();

        Subscriber(Consumer<JobStatus<T>> listener) {
            this.listener = listener;
        }
    }

    private final int maxBatch;
    private final long minAgeNanos;
    private final MicroBatcher<String, Answer<T>> batcher;
    /** In the order they were last asked about, longest ago first. Guarded by itself. */
    private final LinkedHashMap<String, Subscriber<T>> subscribers = new LinkedHashMap<>(64, 0.75f, true);
    private long idsAsked;

    /**
     * @param provider   the service, for messages
     * @param scheduler  where a batch waits for its window to close
     * @param window     how long the first check of a batch waits for others to join it; a job is taken along only
     *                   when it was last asked about at least twice this long ago
     * @param maxBatch   most ids in one request
     * @param batchCheck asks the service about a list of distinct ids; completes with the status of each id it knows
     */
    public BatchStatusChecker(String provider, ScheduledExecutorService scheduler, Duration window, int maxBatch,
                              Function<List<String>, CompletableFuture<Map<String, JobStatus<T>>>> batchCheck) {
        this.maxBatch = maxBatch;
        this.minAgeNanos = Math.max(1, window.toNanos() * 2);
        this.batcher = new MicroBatcher<>(maxBatch, window, scheduler, ids -> {
            Set<String> due = new LinkedHashSet<>(ids);
            Map<String, Subscriber<T>> along = takeAlong(due);
            List<String> asked = new ArrayList<>(due);
            asked.addAll(along.keySet());
            return batchCheck.apply(asked).thenApply(statuses -> {
                along.forEach((id, subscriber) -> {
                    JobStatus<T> status = statuses.get(id);
                    if (status != null) {
                        subscriber.listener.accept(status);
                    }
                });
                List<Answer<T>> answers = new ArrayList<>(ids.size());
                for (String id : ids) {
                    JobStatus<T> status = statuses.get(id);
                    answers.add(status != null ? new Answer<>(status, null)
                            : new Answer<>(null, new InferenceApiException(provider, "batch status check", 404,
                                    "the service did not report on job " + id + " (unknown id)", null)));
                }
                return answers;
            });
        });
    }

    /** The status of one job, from the next batch request that includes it. */
    public CompletableFuture<JobStatus<T>> check(String jobId) {
        return batcher.submit(jobId).thenApply(answer -> {
            if (answer.error() != null) {
                throw answer.error();
            }
            return answer.status();
        });
    }

    @Override
    public Subscription subscribe(String jobId, Consumer<JobStatus<T>> listener) {
        Subscriber<T> subscriber = new Subscriber<>(listener);
        synchronized (subscribers) {
            subscribers.put(jobId, subscriber);
        }
        return () -> {
            synchronized (subscribers) {
                subscribers.remove(jobId, subscriber);
            }
        };
    }

    /** Marks the due ids as asked now and picks the subscribed jobs that fill the rest of the request. */
    private Map<String, Subscriber<T>> takeAlong(Set<String> due) {
        Map<String, Subscriber<T>> along = new LinkedHashMap<>();
        long now = System.nanoTime();
        synchronized (subscribers) {
            Iterator<Map.Entry<String, Subscriber<T>>> oldestFirst = subscribers.entrySet().iterator();
            while (due.size() + along.size() < maxBatch && oldestFirst.hasNext()) {
                Map.Entry<String, Subscriber<T>> e = oldestFirst.next();
                if (now - e.getValue().lastAsked < minAgeNanos) {
                    break; // the rest were asked about more recently still
                }
                if (!due.contains(e.getKey())) {
                    along.put(e.getKey(), e.getValue());
                }
            }
            // touching an entry moves it to the end: done after the iteration
            for (String id : due) {
                touch(id, now);
            }
            for (String id : along.keySet()) {
                touch(id, now);
            }
            idsAsked += due.size() + along.size();
        }
        return along;
    }

    private void touch(String id, long now) {
        Subscriber<T> s = subscribers.get(id);
        if (s != null) {
            s.lastAsked = now;
        }
    }

    /** Number of checks waiting for their batch to go out. */
    public int waitingCount() {
        return batcher.waitingCount();
    }

    /** Batch requests sent so far. */
    public long requestsSent() {
        return batcher.batchesSent();
    }

    /** Job ids the batch requests asked about so far, due checks and jobs taken along. */
    public long idsAsked() {
        synchronized (subscribers) {
            return idsAsked;
        }
    }
}

package io.camelinference.common.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.camelinference.common.job.ResumableJobsTest.Chain;
import io.camelinference.common.job.ResumableJobsTest.FakeService;
import io.camelinference.common.job.ResumableJobsTest.State;
import org.junit.jupiter.api.Test;

import static io.camelinference.common.job.ResumableJobsTest.CODEC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The claim a shared store gives one replica at a time: taken before a message's chain runs (instead of a plain read),
 * ended when the run ends, and the completion reported when the exchange completed; a store that refuses or fails
 * fails the message before anything is sent, never leaves it hanging.
 */
class ResumableJobsClaimTest {

    /** A memory store that records the claim calls and can refuse claims or writes, as a shared store would. */
    static final class ClaimingStore extends MemoryJobStore {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile RuntimeException refuseClaim;
        volatile RuntimeException failWrites;

        ClaimingStore() {
            super(Duration.ofHours(1));
        }

        @Override
        public String claim(String key) {
            if (refuseClaim != null) {
                throw refuseClaim;
            }
            events.add("claim " + key);
            return super.claim(key);
        }

        @Override
        public void unclaim(String key) {
            events.add("unclaim " + key);
        }

        @Override
        public void complete(String key) {
            events.add("complete " + key);
            super.complete(key);
        }

        @Override
        public void put(String key, String value) {
            if (failWrites != null) {
                throw failWrites;
            }
            super.put(key, value);
        }
    }

    private final ClaimingStore store = new ClaimingStore();
    private final ResumableJobs jobs = new ResumableJobs("test", store, Runnable::run);

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        try {
            return f.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void aRunClaimsTheKeyEndsTheClaimWhenItEndsAndTheReleaseCompletesIt() throws Exception {
        FakeService service = new FakeService();
        assertThat(await(jobs.run("doc-1", new Chain(service), CODEC))).isEqualTo("result of job-1");
        assertThat(store.events).containsExactly("claim doc-1", "unclaim doc-1");
        assertThat(store.get("doc-1")).as("kept until the exchange completed").isNotNull();
        jobs.release("doc-1");
        assertThat(store.events).endsWith("complete doc-1");
        assertThat(store.get("doc-1")).isNull();
    }

    @Test
    void aFailedRunEndsItsClaimAndKeepsItsState() {
        FakeService service = new FakeService();
        service.failSubmitAfterReceiving = new io.camelinference.common.error.InferenceTransportException("test",
                "dropped", true, null);
        assertThatThrownBy(() -> await(jobs.run("doc-2", new Chain(service), CODEC)));
        assertThat(store.events).containsExactly("claim doc-2", "unclaim doc-2");
        assertThat(CODEC.decode(store.get("doc-2"))).isEqualTo(new State(null, "SUBMITTING"));
    }

    @Test
    void aKeyAnotherReplicaHoldsFailsBeforeAnythingIsSent() {
        FakeService service = new FakeService();
        store.refuseClaim = new JobClaimedException("doc-3", "replica-b", Instant.now(), "held by replica-b");
        assertThatThrownBy(() -> await(jobs.run("doc-3", new Chain(service), CODEC)))
                .isInstanceOf(JobClaimedException.class);
        store.refuseClaim = new JobAlreadyCompletedException("doc-3", "replica-b", Instant.now(), "completed");
        assertThatThrownBy(() -> await(jobs.run("doc-3", new Chain(service), CODEC)))
                .isInstanceOf(JobAlreadyCompletedException.class);
        assertThat(service.calls).as("nothing sent").isEmpty();
        assertThat(store.events).as("no claim taken, none to end").isEmpty();
    }

    @Test
    void aCheckpointThatCannotBeStoredStopsTheBilledCallAndFailsTheMessage() {
        FakeService service = new FakeService();
        store.failWrites = new IllegalStateException("the job store is out of reach");
        assertThatThrownBy(() -> await(jobs.run("doc-4", new Chain(service), CODEC)))
                .hasMessageContaining("out of reach");
        assertThat(service.submitted).as("not sent without its claim stored").isZero();
        assertThat(store.events).containsExactly("claim doc-4", "unclaim doc-4");
        store.failWrites = null;
        assertThat(store.get("doc-4")).as("nothing stored: the next attempt starts afresh").isNull();
    }

    @Test
    void aNextStateThatCannotBeStoredFailsTheMessageInsteadOfLeavingItHanging() {
        FakeService service = new FakeService() {
            @Override
            CompletableFuture<String> submit() {
                // the claim was stored; the store goes away while the billed call is on the wire
                store.failWrites = new JobClaimLostException("doc-5", "replica-b", "taken over by replica-b");
                return super.submit();
            }
        };
        CompletableFuture<String> run = jobs.run("doc-5", new Chain(service), CODEC);
        assertThatThrownBy(() -> await(run)).isInstanceOf(JobClaimLostException.class);
        assertThat(service.calls).as("the result is not fetched by a replica that lost the job")
                .containsExactly("submit");
    }
}

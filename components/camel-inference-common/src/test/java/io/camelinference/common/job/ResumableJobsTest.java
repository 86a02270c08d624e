package io.camelinference.common.job;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.error.InferenceTransportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one submit-or-resume: on a fake two-step service (submit gives an id, check gives the result). */
class ResumableJobsTest {

    record State(String jobId, String phase) {
        static State start() {
            return new State(null, "NEW");
        }
    }

    static final StateCodec<State> CODEC = StateCodec.json(State.class);

    private final MemoryJobStore store = new MemoryJobStore(Duration.ofHours(1));
    private final ResumableJobs jobs = new ResumableJobs("test", store, Runnable::run);

    /** A fake service: counts billed submits; a job id it "forgot" answers 404. */
    static class FakeService {
        final List<String> calls = new CopyOnWriteArrayList<>();
        int submitted;
        String forgotten;
        RuntimeException failSubmitAfterReceiving;

        CompletableFuture<String> submit() {
            submitted++;
            calls.add("submit");
            if (failSubmitAfterReceiving != null) {
                RuntimeException e = failSubmitAfterReceiving;
                failSubmitAfterReceiving = null;
                return CompletableFuture.failedFuture(e);
            }
            return CompletableFuture.completedFuture("job-" + submitted);
        }

        CompletableFuture<String> result(String jobId) {
            calls.add("check " + jobId);
            if (jobId.equals(forgotten)) {
                return CompletableFuture.failedFuture(new InferenceApiException("test", "GET /jobs", 404, "unknown", null));
            }
            return CompletableFuture.completedFuture("result of " + jobId);
        }
    }

    /** NEW -(claim, submit)-> ACCEPTED(id) -(check)-> done; a 404 for a remembered id starts over. */
    static class Chain implements JobChain<State, String> {
        final FakeService service;

        Chain(FakeService service) {
            this.service = service;
        }

        @Override
        public State initial() {
            return State.start();
        }

        @Override
        public CompletableFuture<Step<State, String>> advance(State state, Checkpoint<State> checkpoint) {
            if (state.phase().equals("NEW")) {
                checkpoint.save(new State(null, "SUBMITTING"));
                return service.submit().thenApply(id -> Step.next(new State(id, "ACCEPTED")));
            }
            if (state.phase().equals("SUBMITTING")) {
                return CompletableFuture.failedFuture(new IllegalStateException("outcome unknown"));
            }
            return service.result(state.jobId()).thenApply(Step::done);
        }

        @Override
        public State recover(State state, Throwable error) {
            return error instanceof InferenceApiException api && api.getStatusCode() == 404 ? State.start() : null;
        }
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        try {
            return f.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void aFinishedJobIsKeptUntilReleasedThenForgottenSoTheStoreDoesNotGrow() throws Exception {
        FakeService service = new FakeService();
        for (int i = 0; i < 600; i++) {
            assertThat(await(jobs.run("message-" + i, new Chain(service), CODEC))).startsWith("result of job-");
        }
        // finished, but the messages' exchanges have not completed: a crash now must still find the jobs
        assertThat(store.size()).isEqualTo(600);
        for (int i = 0; i < 600; i++) {
            jobs.release("message-" + i);
        }
        assertThat(store.size()).isZero();
        assertThat(service.submitted).isEqualTo(600);
    }

    @Test
    void aMessageResumesFromItsStoredStateInsteadOfSubmittingAgain() throws Exception {
        FakeService service = new FakeService();
        store.put("order-1", CODEC.encode(new State("job-77", "ACCEPTED")));
        assertThat(await(jobs.run("order-1", new Chain(service), CODEC))).isEqualTo("result of job-77");
        assertThat(service.submitted).isZero();
        jobs.release("order-1");
        assertThat(store.get("order-1")).isNull();
    }

    @Test
    void aRememberedIdTheServiceForgotIsSubmittedAfresh() throws Exception {
        FakeService service = new FakeService();
        service.forgotten = "job-purged";
        store.put("order-2", CODEC.encode(new State("job-purged", "ACCEPTED")));
        assertThat(await(jobs.run("order-2", new Chain(service), CODEC))).isEqualTo("result of job-1");
        assertThat(service.calls).containsExactly("check job-purged", "submit", "check job-1");
    }

    @Test
    void theClaimBeforeTheBilledCallStaysWhenItsOutcomeIsUnknown() {
        FakeService service = new FakeService();
        service.failSubmitAfterReceiving = new InferenceTransportException("test", "dropped", true, null);
        assertThatThrownBy(() -> await(jobs.run("order-3", new Chain(service), CODEC)))
                .isInstanceOf(InferenceTransportException.class);
        // the step's own state was NEW, but the claim it saved says a billed call may have been made
        assertThat(CODEC.decode(store.get("order-3"))).isEqualTo(new State(null, "SUBMITTING"));
        assertThatThrownBy(() -> await(jobs.run("order-3", new Chain(service), CODEC)))
                .hasMessageContaining("outcome unknown");
        assertThat(service.submitted).as("never paid twice").isEqualTo(1);
    }

    @Test
    void aJobTheServiceFailedIsForgottenSoANewAttemptSubmitsAgain() {
        FakeService service = new FakeService();
        JobChain<State, String> failing = new Chain(service) {
            @Override
            public CompletableFuture<Step<State, String>> advance(State state, Checkpoint<State> checkpoint) {
                if (state.phase().equals("ACCEPTED")) {
                    return CompletableFuture.failedFuture(new InferenceJobFailedException("test", state.jobId(),
                            "error", "bad image"));
                }
                return super.advance(state, checkpoint);
            }
        };
        assertThatThrownBy(() -> await(jobs.run("order-4", failing, CODEC)))
                .isInstanceOf(InferenceJobFailedException.class);
        assertThat(store.get("order-4")).isNull();
    }

    @Test
    void messagesWithoutAKeyRunWithoutStoringAnything() throws Exception {
        FakeService service = new FakeService();
        assertThat(await(jobs.run(null, new Chain(service), CODEC))).isEqualTo("result of job-1");
        assertThat(store.size()).isZero();
    }

    @Test
    void recoveringIsBoundedSoAServiceThatKeepsForgettingCannotLoopForever() {
        FakeService service = new FakeService() {
            @Override
            CompletableFuture<String> result(String jobId) {
                calls.add("check " + jobId);
                return CompletableFuture.failedFuture(new InferenceApiException("test", "GET /jobs", 404, "unknown",
                        null));
            }
        };
        assertThatThrownBy(() -> await(jobs.run("order-5", new Chain(service), CODEC)))
                .isInstanceOf(InferenceApiException.class);
        assertThat(service.submitted).isEqualTo(ResumableJobs.MAX_RECOVERIES + 1);
    }

    @Test
    void storeWritesAfterAStepThatEndedOnTheSchedulerRunOnACompletionThread() throws Exception {
        List<String> writtenOn = new CopyOnWriteArrayList<>();
        MemoryJobStore recording = new MemoryJobStore(Duration.ofHours(1)) {
            @Override
            public void put(String key, String value) {
                writtenOn.add(Thread.currentThread().getName());
                super.put(key, value);
            }
        };
        java.util.concurrent.ExecutorService completions = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> new Thread(r, "completion"));
        java.util.concurrent.ScheduledExecutorService scheduler = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> new Thread(r, "scheduler"));
        try {
            ResumableJobs onPools = new ResumableJobs("test", recording, completions::execute);
            // a step whose answer arrives on the scheduler, as a job's deadline or a timer does
            JobChain<State, String> chain = new Chain(new FakeService()) {
                @Override
                public CompletableFuture<Step<State, String>> advance(State state, Checkpoint<State> checkpoint) {
                    if (!state.phase().equals("NEW")) {
                        return super.advance(state, checkpoint);
                    }
                    CompletableFuture<Step<State, String>> later = new CompletableFuture<>();
                    scheduler.schedule(() -> later.complete(Step.next(new State("job-1", "ACCEPTED"))), 10,
                            TimeUnit.MILLISECONDS);
                    return later;
                }
            };

            assertThat(await(onPools.run("order-8", chain, CODEC))).isEqualTo("result of job-1");

            assertThat(writtenOn).isNotEmpty().allMatch("completion"::equals);
        } finally {
            completions.shutdownNow();
            scheduler.shutdownNow();
        }
    }

    @Test
    void unreadableStoredStateStartsAfresh() throws Exception {
        FakeService service = new FakeService();
        store.put("order-6", "written by an incompatible version");
        assertThat(await(jobs.run("order-6", new Chain(service), CODEC))).isEqualTo("result of job-1");
    }

    @Test
    void keysRecogniseFilesKafkaRecordsAndExplicitKeys() {
        org.apache.camel.CamelContext camel = new org.apache.camel.impl.DefaultCamelContext();
        org.apache.camel.Exchange file = new org.apache.camel.support.DefaultExchange(camel);
        file.getMessage().setHeader(org.apache.camel.Exchange.FILE_PATH, "/in/a.txt");
        file.getMessage().setHeader(org.apache.camel.Exchange.FILE_LENGTH, 12L);
        file.getMessage().setHeader(org.apache.camel.Exchange.FILE_LAST_MODIFIED, 99L);
        assertThat(JobKeys.of(file, "Key", "predict:m")).isEqualTo("predict:m|file:/in/a.txt|12|99");
        org.apache.camel.Exchange record = new org.apache.camel.support.DefaultExchange(camel);
        record.getMessage().setHeader("kafka.TOPIC", "docs");
        record.getMessage().setHeader("kafka.PARTITION", 2);
        record.getMessage().setHeader("kafka.OFFSET", 41L);
        assertThat(JobKeys.of(record, "Key", "s")).isEqualTo("s|kafka:docs/2@41");
        record.getMessage().setHeader("Key", "order-9");
        assertThat(JobKeys.of(record, "Key", "s")).isEqualTo("s|order-9");
        assertThat(JobKeys.of(new org.apache.camel.support.DefaultExchange(camel), "Key", "s")).isNull();
    }
}

package io.camelinference.common.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobStoresTest {

    @TempDir
    Path dir;

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        final AtomicLong millis = new AtomicLong(1_000_000);

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        void advance(Duration d) {
            millis.addAndGet(d.toMillis());
        }
    }

    @Test
    void theStoresOfOneJvmRefuseASecondRunOfAKeyUntilTheFirstEnds() throws Exception {
        for (JobStore store : new JobStore[] { new MemoryJobStore(Duration.ofHours(1)),
                FileJobStores.open(dir.resolve("claims.jobs"), Duration.ofHours(1)),
                new StateRepositoryJobStore(new MemoryStateRepository(), Duration.ofHours(1)) }) {
            store.start();
            store.put("doc-1", "submitting");
            assertThat(store.claim("doc-1")).as(store.toString()).isEqualTo("submitting");

            assertThatThrownBy(() -> store.claim("doc-1")).as(store.toString())
                    .isInstanceOf(JobClaimedException.class).hasMessageContaining("doc-1")
                    .hasMessageContaining("Nothing was sent");
            assertThat(store.claim("doc-2")).as("another key is free").isNull();

            store.unclaim("doc-1");
            assertThat(store.claim("doc-1")).as("free once the first run ended").isEqualTo("submitting");
            store.complete("doc-1");
            assertThat(store.claim("doc-1")).as("completed: free and forgotten").isNull();
            store.stop();
        }
    }

    @Test
    void releasedKeysAreRemovedSoTheStoreShrinksAsJobsFinish() {
        MemoryJobStore store = new MemoryJobStore(Duration.ofHours(1));
        for (int i = 0; i < 600; i++) {
            store.put("message-" + i, "job-" + i);
        }
        assertThat(store.size()).isEqualTo(600);
        for (int i = 0; i < 600; i++) {
            store.remove("message-" + i);
        }
        assertThat(store.size()).isZero();
        assertThat(store.get("message-1")).isNull();
    }

    @Test
    void abandonedEntriesExpireAfterTheirTimeToLive() {
        TestClock clock = new TestClock();
        MemoryJobStore store = new MemoryJobStore(Duration.ofMinutes(10), clock);
        store.put("timed-out", "job-1");
        clock.advance(Duration.ofMinutes(5));
        store.put("fresh", "job-2");
        assertThat(store.get("timed-out")).isEqualTo("job-1");

        clock.advance(Duration.ofMinutes(6));
        assertThat(store.get("timed-out")).as("older than the ttl").isNull();
        assertThat(store.expire()).isEqualTo(0); // already dropped by the read
        assertThat(store.get("fresh")).isEqualTo("job-2");
        clock.advance(Duration.ofMinutes(10));
        assertThat(store.expire()).isEqualTo(1);
        assertThat(store.size()).isZero();
    }

    @Test
    void putIfAbsentIsTheClaimOnlyOneHolderWins() {
        TestClock clock = new TestClock();
        MemoryJobStore store = new MemoryJobStore(Duration.ofMinutes(1), clock);
        assertThat(store.putIfAbsent("order-1", "replica-a")).isTrue();
        assertThat(store.putIfAbsent("order-1", "replica-b")).isFalse();
        assertThat(store.get("order-1")).isEqualTo("replica-a");
        clock.advance(Duration.ofMinutes(2));
        assertThat(store.putIfAbsent("order-1", "replica-b")).as("an expired claim can be taken").isTrue();
    }

    @Test
    void aFileStoreSurvivesARestartAndCompactsToTheLiveEntries() throws Exception {
        Path file = dir.resolve("state/jobs.log");
        FileJobStore first = new FileJobStore(file, Duration.ofHours(1));
        first.start();
        for (int i = 0; i < 3000; i++) {
            first.put("m" + i, "{\"id\":\"" + i + "\",\"text\":\"with spaces\\nand lines\"}");
            if (i % 3 != 0) {
                first.remove("m" + i);
            }
        }
        first.stop();
        long lines = Files.readAllLines(file).size();
        assertThat(lines).as("compacted: not one line per write").isLessThan(3000);

        FileJobStore second = new FileJobStore(file, Duration.ofHours(1));
        second.start();
        assertThat(second.size()).isEqualTo(1000);
        assertThat(second.get("m3")).isEqualTo("{\"id\":\"3\",\"text\":\"with spaces\\nand lines\"}");
        assertThat(second.get("m4")).isNull();
        second.stop();
        assertThat(Files.readAllLines(file)).hasSize(1000);
    }

    @Test
    void aCompactionThatFailsLeavesTheStoreWritingAndIsTriedAgainLater() throws Exception {
        Path file = dir.resolve("state/jobs.log");
        FileJobStore store = new FileJobStore(file, Duration.ofHours(1));
        store.start();
        // where the compacted copy is written, a directory: every compaction fails until it is gone
        Path blocker = Files.createDirectories(dir.resolve("state/jobs.log.tmp"));
        Files.writeString(blocker.resolve("keep"), "x");
        for (int i = 0; i < 1500; i++) {
            store.put("m" + i, "job " + i);
            if (i % 3 != 0) {
                store.remove("m" + i);
            }
        }
        assertThat(Files.readAllLines(file)).as("not compacted").hasSizeGreaterThan(1500);
        store.put("after", "still written");

        Files.delete(blocker.resolve("keep"));
        Files.delete(blocker);
        for (int i = 1500; i < 3000; i++) {
            store.put("m" + i, "job " + i);
            if (i % 3 != 0) {
                store.remove("m" + i);
            }
        }
        store.stop();
        assertThat(Files.readAllLines(file).size()).as("compacted once it could be").isLessThan(3000);
        FileJobStore reopened = new FileJobStore(file, Duration.ofHours(1));
        reopened.start();
        assertThat(reopened.size()).isEqualTo(1001);
        assertThat(reopened.get("after")).isEqualTo("still written");
        assertThat(reopened.get("m2997")).isEqualTo("job 2997");
        reopened.stop();
    }

    @Test
    void usersOfOneFileShareOneStoreSoNeitherCompactsTheOthersEntriesAway() throws Exception {
        Path file = dir.resolve("state/jobs.log");
        FileJobStore a = FileJobStores.open(file, Duration.ofHours(1));
        FileJobStore b = FileJobStores.open(dir.resolve("state/../state/jobs.log"), Duration.ofHours(2));
        assertThat(b).as("the same file, however it is named").isSameAs(a);
        assertThat(a.timeToLive()).as("the longest time to live asked for").isEqualTo(Duration.ofHours(2));
        for (int i = 0; i < 3000; i++) {
            (i % 2 == 0 ? a : b).put("m" + i, "state " + i);
            if (i % 3 != 0) {
                (i % 2 == 0 ? b : a).remove("m" + i); // enough removals to compact the log many times
            }
        }
        FileJobStores.release(a);
        b.put("after", "one user released it");
        FileJobStores.release(b);
        assertThat(FileJobStores.open(file, Duration.ofHours(1))).as("the last release stopped and forgot it")
                .isNotSameAs(a).satisfies(FileJobStores::release);

        FileJobStore reopened = new FileJobStore(file, Duration.ofHours(1));
        reopened.start();
        assertThat(reopened.size()).as("every live entry of both users").isEqualTo(1001);
        assertThat(reopened.get("m2997")).isEqualTo("state 2997");
        assertThat(reopened.get("after")).isEqualTo("one user released it");
        reopened.stop();
    }

    @Test
    void aLineTornByACrashIsIgnored() throws Exception {
        Path file = dir.resolve("jobs.log");
        FileJobStore store = new FileJobStore(file, Duration.ofHours(1));
        store.start();
        store.put("kept", "state");
        store.stop();
        Files.writeString(file, Files.readString(file) + "P 12", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        FileJobStore reopened = new FileJobStore(file, Duration.ofHours(1));
        reopened.start();
        assertThat(reopened.get("kept")).isEqualTo("state");
        assertThat(reopened.size()).isEqualTo(1);
        reopened.stop();
    }

    @Test
    void aCamelStateRepositoryReadsRemovedAndExpiredKeysAsAbsent() {
        TestClock clock = new TestClock();
        MemoryStateRepository camel = new MemoryStateRepository();
        StateRepositoryJobStore store = new StateRepositoryJobStore(camel, Duration.ofMinutes(1), clock);
        store.put("k", "v");
        assertThat(store.get("k")).isEqualTo("v");
        store.remove("k");
        assertThat(store.get("k")).isNull();
        store.put("old", "v");
        clock.advance(Duration.ofMinutes(2));
        assertThat(store.get("old")).isNull();
        camel.setState("legacy", "job-written-by-0.1");
        assertThat(store.get("legacy")).as("values of the earlier format").isEqualTo("job-written-by-0.1");
    }
}

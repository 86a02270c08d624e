package io.camelinference.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelinference.common.job.JobAlreadyCompletedException;
import io.camelinference.common.job.JobClaimLostException;
import io.camelinference.common.job.JobClaimedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What the shared store promises, shown with two or more stores ("replicas") on one database: a claim is exclusive,
 * ends when its run ends, lapses when its replica is gone and is then taken over with its state; a replica whose
 * claim was taken over cannot store anything more for it; a completed message is remembered; racing replicas claim a
 * key once. Each database runs it on its own table.
 */
abstract class JdbcJobStoreContract {

    private static final AtomicInteger TABLES = new AtomicInteger();

    protected final TestClock clock = new TestClock();
    private final List<JdbcJobStore> stores = new ArrayList<>();
    private final String table = "jobs_" + getClass().getSimpleName().toLowerCase().replace("test", "") + "_"
            + TABLES.incrementAndGet();

    /** A store on the database under test, not started, with the given owner. */
    protected abstract JdbcJobStore newStore(String owner);

    protected JdbcJobStore replica(String owner) {
        JdbcJobStore store = newStore(owner);
        store.setTableName(table);
        store.setClock(clock);
        store.setLease(10_000);
        store.setTimeToLive(3_600_000);
        store.start();
        stores.add(store);
        return store;
    }

    @AfterEach
    void stopStores() {
        stores.forEach(JdbcJobStore::stop);
    }

    @Test
    void aClaimIsExclusiveUntilItsRunEndsThenTheNextReplicaResumesItsState() {
        JdbcJobStore a = replica("replica-a");
        JdbcJobStore b = replica("replica-b");
        assertThat(a.claim("predict:m|doc-1")).isNull();
        a.put("predict:m|doc-1", "{\"phase\":\"SUBMITTING\"}");
        assertThatThrownBy(() -> b.claim("predict:m|doc-1")).isInstanceOf(JobClaimedException.class)
                .hasMessageContaining("replica-a").hasMessageContaining("Nothing was sent");
        assertThatThrownBy(() -> a.claim("predict:m|doc-1")).as("a second exchange of the same replica")
                .isInstanceOf(JobClaimedException.class).hasMessageContaining("another exchange of this replica");

        a.unclaim("predict:m|doc-1");
        assertThat(b.claim("predict:m|doc-1")).isEqualTo("{\"phase\":\"SUBMITTING\"}");
        assertThat(b.stats().takenOver()).isEqualTo(1);
        assertThat(b.stats().takenOverFrom()).isEqualTo(java.util.Map.of("replica-a", 1L));
        assertThat(b.stats().resumed()).isEqualTo(1);
        assertThat(b.stats().busy()).isEqualTo(1);
    }

    @Test
    void theJobsOfAReplicaThatIsGoneAreTakenOverOnceItsLeaseLapsed() {
        JdbcJobStore dead = replica("replica-dead");
        JdbcJobStore survivor = replica("replica-survivor");
        dead.claim("k1");
        dead.put("k1", "accepted job 7");
        dead.stop(); // killed: no unclaim, no renewal
        assertThatThrownBy(() -> survivor.claim("k1")).isInstanceOf(JobClaimedException.class);
        clock.advance(Duration.ofSeconds(11));
        assertThat(survivor.claim("k1")).isEqualTo("accepted job 7");
        assertThat(survivor.stats().takenOver()).isEqualTo(1);
    }

    @Test
    void aLiveReplicaRenewsItsClaimWhileItsJobRuns() {
        // real time, not the test clock: the lease has to lapse by itself unless the holder's renewals extend it
        JdbcJobStore a = realTimeReplica("replica-a", 1_000);
        JdbcJobStore b = realTimeReplica("replica-b", 1_000);
        a.claim("long-job");
        // three leases long, the holder renews every third of one: the other replica is refused all along
        await().during(Duration.ofMillis(3_000)).atMost(Duration.ofSeconds(6)).until(() -> refused(b, "long-job"));
        a.unclaim("long-job");
        assertThat(b.claim("long-job")).isNull();
    }

    private JdbcJobStore realTimeReplica(String owner, long leaseMillis) {
        JdbcJobStore store = newStore(owner);
        store.setTableName(table);
        store.setClock(Clock.systemUTC());
        store.setLease(leaseMillis);
        store.start();
        stores.add(store);
        return store;
    }

    private static boolean refused(JdbcJobStore store, String key) {
        try {
            store.claim(key);
            return false;
        } catch (JobClaimedException expected) {
            return true;
        }
    }

    @Test
    void aReplicaWhoseClaimLapsedAndWasTakenOverCannotStoreItsSubmittingClaim() {
        JdbcJobStore paused = replica("replica-paused");
        JdbcJobStore other = replica("replica-other");
        paused.claim("k2");
        paused.put("k2", "initialized");
        clock.advance(Duration.ofSeconds(11)); // a pause longer than the lease (and the renewals could not reach it)
        assertThat(other.claim("k2")).isEqualTo("initialized");
        assertThatThrownBy(() -> paused.put("k2", "submitting")).isInstanceOf(JobClaimLostException.class)
                .hasMessageContaining("replica-other");
        assertThat(paused.stats().lost()).isEqualTo(1);
        assertThat(other.get("k2")).isEqualTo("initialized");
    }

    @Test
    void aCompletedMessageIsRememberedSoARedeliveredCopyIsNotRunAgain() {
        JdbcJobStore a = replica("replica-a");
        JdbcJobStore b = replica("replica-b");
        a.claim("doc-9");
        a.put("doc-9", "accepted");
        a.unclaim("doc-9");
        a.complete("doc-9");
        assertThat(a.size()).as("nothing pending").isZero();
        assertThatThrownBy(() -> b.claim("doc-9")).isInstanceOf(JobAlreadyCompletedException.class)
                .hasMessageContaining("already completed").hasMessageContaining("replica-a");
        assertThat(b.stats().completed()).isEqualTo(1);
        clock.advance(Duration.ofHours(2)); // past the retention (the time to live by default)
        assertThat(a.expire()).isEqualTo(1);
        assertThat(b.claim("doc-9")).as("forgotten after the retention").isNull();
    }

    @Test
    void aZeroRetentionForgetsACompletedMessageAtOnce() {
        JdbcJobStore a = newStore("replica-a");
        a.setTableName(table);
        a.setCompletedRetention(0L);
        a.start();
        stores.add(a);
        a.claim("doc-10");
        a.complete("doc-10");
        assertThat(a.claim("doc-10")).isNull();
    }

    @Test
    void theJobStoreContractGetPutPutIfAbsentRemoveSizeAndExpiry() {
        JdbcJobStore a = replica("replica-a");
        JdbcJobStore b = replica("replica-b");
        a.put("p1", "one");
        assertThat(b.get("p1")).isEqualTo("one");
        assertThat(b.putIfAbsent("p1", "other")).isFalse();
        assertThat(b.putIfAbsent("p2", "two")).isTrue();
        assertThat(a.size()).isEqualTo(2);
        a.remove("p2");
        assertThat(b.get("p2")).isNull();
        clock.advance(Duration.ofMinutes(61));
        assertThat(a.get("p1")).as("older than the time to live").isNull();
        assertThat(b.putIfAbsent("p1", "again")).as("an expired entry counts as absent").isTrue();
        clock.advance(Duration.ofMinutes(61));
        assertThat(a.expire()).isEqualTo(1);
        assertThat(a.size()).isZero();
    }

    @Test
    void racingReplicasClaimEachKeyExactlyOnce() throws Exception {
        List<JdbcJobStore> replicas = List.of(replica("r1"), replica("r2"), replica("r3"));
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        AtomicInteger wins = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                JdbcJobStore store = replicas.get(t % 3);
                runs.add(pool.submit(() -> {
                    go.await();
                    for (int k = 0; k < 100; k++) {
                        try {
                            store.claim("race-" + k);
                            wins.incrementAndGet();
                            assertThat(claimed.add("race-" + k)).as("claimed twice: race-" + k).isTrue();
                        } catch (JobClaimedException lost) {
                            // another replica or exchange holds it
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : runs) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(wins.get()).isEqualTo(100);
        assertThat(claimed).hasSize(100);
    }

    @Test
    void replicasStartingTogetherCreateTheSchemaOnce() throws Exception {
        String fresh = table + "_fresh";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<JdbcJobStore>> started = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String owner = "starter-" + i;
                started.add(pool.submit(() -> {
                    JdbcJobStore s = newStore(owner);
                    s.setTableName(fresh);
                    s.start();
                    s.put("from-" + owner, "x");
                    return s;
                }));
            }
            for (Future<JdbcJobStore> f : started) {
                stores.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stores.get(stores.size() - 1).size()).isEqualTo(4);
    }
}

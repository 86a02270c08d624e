package io.camelinference.examples.scaleout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelinference.emulator.FaultRule;
import io.camelinference.examples.scaleout.local.Comments;
import io.camelinference.examples.scaleout.local.Documents;
import io.camelinference.examples.scaleout.local.LocalCluster;
import io.camelinference.examples.scaleout.local.ReplicaProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three replicas run the Communications Mining stream route under {@code master:} on a file-lock cluster service: one
 * leads and reads the stream, the others wait. The leader is killed with SIGKILL mid-stream; another replica takes the
 * leadership and goes on from the stream's position on the service (advanced only after whole batches), so no comment
 * is lost. The comments of the batch the leader was killed in come again; those the leader had recorded as sent (by
 * uid, in the idempotent repository, on completion) are filtered, those sent but not yet recorded come twice: the
 * stream is at least once, with at most one fetch delivered twice (the README's "What remains").
 */
class StreamFailoverTest {

    static final int COMMENTS = 300;
    static final int FETCH_SIZE = 8;

    @Test
    void theLeaderIsKilledAndAnotherReplicaGoesOnFromTheServiceCursorWithoutLosingAComment() throws Exception {
        try (LocalCluster cluster = LocalCluster.start(ScaleOutTests.work("stream-failover"), 200, 3)) {
            List<String> synced = Comments.sync(cluster.emulator().baseUrl(), cluster.emulator().apiKey(), COMMENTS);
            // each fetch takes 150 ms: the stream lasts long enough to be cut in the middle
            cluster.emulator().faults().add(FaultRule.builder().provider("commsmining").method("POST")
                    .path("/api/v1/datasets/*/*/streams/*/fetch").latencyMs(150).build());
            Map<String, String> settings = Map.of("scaleout.documents.enabled", "false", "scaleout.stream.enabled",
                    "true", "commsmining.fetch-size", String.valueOf(FETCH_SIZE), "commsmining.poll-delay-ms", "100");
            List<ReplicaProcess> replicas = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                replicas.add(cluster.startReplica("replica-" + i, "unitypredict", settings));
            }
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ScaleOutTests.alive(replicas.toArray(ReplicaProcess[]::new))
                            && Documents.read(cluster.brokers(), LocalCluster.COMMENTS, 80, Duration.ofMillis(300))
                                    .records >= 80);
            ReplicaProcess leader = await().atMost(Duration.ofSeconds(10)).until(() -> replicas.stream()
                    .filter(r -> LocalCluster.figures(r).path("comments").asLong() > 0).findFirst().orElse(null),
                    java.util.Objects::nonNull);
            long sentBeforeKill = Documents.read(cluster.brokers(), LocalCluster.COMMENTS, Integer.MAX_VALUE,
                    Duration.ZERO, Duration.ofMillis(500)).records;
            leader.kill();
            long killedAt = System.nanoTime();
            int before = (int) sentBeforeKill;
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Documents.read(cluster.brokers(), LocalCluster.COMMENTS, before + 1,
                            Duration.ofMillis(200)).records > before);
            double failoverSeconds = (System.nanoTime() - killedAt) / 1e9;

            Documents.Output out = Documents.read(cluster.brokers(), LocalCluster.COMMENTS, Integer.MAX_VALUE,
                    Duration.ZERO, Duration.ZERO);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Documents.Output now = Documents.read(cluster.brokers(), LocalCluster.COMMENTS, Integer.MAX_VALUE,
                        Duration.ZERO, Duration.ofMillis(300));
                return now.perDocument.keySet().containsAll(synced);
            });
            out = Documents.read(cluster.brokers(), LocalCluster.COMMENTS, Integer.MAX_VALUE, Duration.ZERO,
                    Duration.ofSeconds(2));
            List<ReplicaProcess> survivors = replicas.stream().filter(r -> r != leader).toList();
            survivors.forEach(ReplicaProcess::stop);
            long fromNewLeader = survivors.stream().mapToLong(r -> LocalCluster.figures(r).path("comments").asLong())
                    .sum();
            ScaleOutTests.report("stream failover: comments synced=" + COMMENTS + " delivered(distinct)="
                    + out.perDocument.size() + " records=" + out.records + " duplicates=" + out.duplicates()
                    + " sentBeforeKill=" + sentBeforeKill + " killed=" + leader.name() + " afterKillByNewLeader="
                    + fromNewLeader + " failoverSeconds=" + String.format("%.1f", failoverSeconds)
                    + " perReplica=" + out.perReplica);
            assertThat(out.perDocument.keySet()).as("no comment lost").containsAll(synced);
            assertThat(fromNewLeader).as("another replica went on").isPositive();
            assertThat(out.perDocument.values()).as("no comment more than twice").allMatch(n -> n <= 2);
            assertThat(out.duplicates()).as("comments delivered twice: at most the fetch the leader was killed in")
                    .isLessThanOrEqualTo(FETCH_SIZE);
            assertThat(seenUids(cluster)).as("every comment sent is recorded by uid for the filter")
                    .isEqualTo(out.perDocument.size());
        }
    }

    /** The comment uids in the stream route's idempotent repository (camel-sql's table, processor scale-out-stream). */
    private static int seenUids(LocalCluster cluster) throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.postgres().jdbcUrl(), cluster.postgres().username(),
                null); PreparedStatement s = c.prepareStatement("SELECT COUNT(DISTINCT messageId) FROM"
                + " CAMEL_MESSAGEPROCESSED WHERE processorName = 'scale-out-stream'"); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }
}

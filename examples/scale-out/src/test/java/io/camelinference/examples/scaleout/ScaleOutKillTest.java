package io.camelinference.examples.scaleout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.emulator.FaultRule;
import io.camelinference.examples.scaleout.local.Documents;
import io.camelinference.examples.scaleout.local.LocalCluster;
import io.camelinference.examples.scaleout.local.ReplicaProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three replica JVMs consume documents from Kafka through an inference component on a slow model (1 s jobs), pending
 * jobs in PostgreSQL; one replica is killed with SIGKILL while it runs jobs. Every document gets exactly one result on
 * the output topic, the emulator bills every document once, the survivors take over the jobs the dead replica left
 * (counted per replica taken over from), and nothing stays pending in the database. UnityPredict is killed with
 * billed calls on the wire (they take 300 ms): the survivors ask the service about those request ids before anything
 * else. Deepomatic cannot be asked, so it is killed once outside its submit window (exactly once, like UnityPredict)
 * and once inside it (the documents whose task id never came back are dead-lettered as outcome unknown, billed once,
 * never twice). {@code -Dscaleout.documents=500} runs the full size (the window run stays at 60).
 */
class ScaleOutKillTest {

    static final int DOCUMENTS = Integer.getInteger("scaleout.documents", 100);
    static final String VICTIM = "replica-2";

    record Figures(String service, int documents, int results, long duplicates, int failed, int outcomeUnknown,
                   long billed, long billedTwice, int runningAtKill, int submittingAtKill, int leftByVictim,
                   long takenOverFromVictim, long takenOver, long skipped, int pendingLeft, double seconds,
                   Map<String, Integer> perReplica) {
    }

    interface KillWhen {
        boolean now(LocalCluster cluster);
    }

    Figures killOneOfThree(String service, int documents, FaultRule fault, KillWhen when) throws Exception {
        try (LocalCluster cluster = LocalCluster.start(ScaleOutTests.work("kill-" + service + "-" + documents), 1_000,
                12)) {
            if (fault != null) {
                cluster.emulator().faults().add(fault);
            }
            Map<String, String> settings = Map.of("jobs.lease-ms", "5000", "scaleout.batch-size", "50");
            ReplicaProcess r1 = cluster.startReplica("replica-1", service, settings);
            ReplicaProcess victim = cluster.startReplica(VICTIM, service, settings);
            ReplicaProcess r3 = cluster.startReplica("replica-3", service, settings);
            cluster.awaitReplicas(3);
            long started = System.nanoTime();
            Documents.produce(cluster.brokers(), LocalCluster.DOCUMENTS, documents, service.equals("deepomatic"));

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                    .until(() -> ScaleOutTests.alive(r1, victim, r3) && when.now(cluster));
            victim.kill();
            int running = cluster.runningJobs(VICTIM);
            int submitting = cluster.jobsInPhase(VICTIM, "SUBMITTING");
            int left = cluster.pendingJobs(VICTIM);

            // every document has come out (a result, or a dead letter), then a little longer for any second one
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> outcomes(cluster)
                    >= documents);
            Documents.Output out = Documents.read(cluster.brokers(), LocalCluster.PREDICTIONS, Integer.MAX_VALUE,
                    Duration.ZERO, Duration.ofSeconds(2));
            Documents.Output failed = Documents.read(cluster.brokers(), LocalCluster.FAILED, Integer.MAX_VALUE,
                    Duration.ZERO, Duration.ofSeconds(1));
            int unknown = (int) failed.errors.stream().filter(e -> e.contains("OutcomeUnknown")).count();
            double seconds = (System.nanoTime() - started) / 1e9;
            await().atMost(Duration.ofSeconds(60)).until(() -> cluster.pendingJobs() <= unknown);
            r1.stop();
            r3.stop();
            long fromVictim = 0;
            long takenOver = 0;
            long skipped = 0;
            for (ReplicaProcess survivor : List.of(r1, r3)) {
                JsonNode f = LocalCluster.figures(survivor);
                fromVictim += f.path("store").path("takenOverFrom").path(VICTIM).asLong();
                takenOver += f.path("store").path("takenOver").asLong();
                skipped += f.path("skipped").asLong();
            }
            Figures figures = new Figures(service, documents, out.perDocument.size(), out.duplicates(),
                    failed.records, unknown, cluster.emulator().stats().billedUnits(service),
                    cluster.emulator().stats().duplicateBilled(service), running, submitting, left, fromVictim,
                    takenOver, skipped, cluster.pendingJobs(), seconds, out.perReplica);
            ScaleOutTests.report(figures.toString());
            return figures;
        }
    }

    /** Documents with a committed result or dead letter so far. */
    private static int outcomes(LocalCluster cluster) {
        java.util.Set<String> ids = new java.util.HashSet<>(Documents.read(cluster.brokers(), LocalCluster.PREDICTIONS,
                Integer.MAX_VALUE, Duration.ZERO, Duration.ofMillis(300)).perDocument.keySet());
        ids.addAll(Documents.read(cluster.brokers(), LocalCluster.FAILED, Integer.MAX_VALUE, Duration.ZERO,
                Duration.ofMillis(300)).perDocument.keySet());
        return ids.size();
    }

    private static void exactlyOnce(Figures f) {
        assertThat(f.results()).as("every document has a result").isEqualTo(f.documents());
        assertThat(f.duplicates()).as("and only one").isZero();
        assertThat(f.failed()).as("none dead-lettered").isZero();
        assertThat(f.billed()).as("billed submissions").isEqualTo(f.documents());
        assertThat(f.billedTwice()).isZero();
        assertThat(f.leftByVictim()).isGreaterThanOrEqualTo(10);
        assertThat(f.takenOverFromVictim()).as("the survivors took every job of the dead replica over")
                .isEqualTo(f.leftByVictim());
        assertThat(f.pendingLeft()).as("nothing pending in the database").isZero();
    }

    @Test
    void unityPredictKilledWithBilledCallsOnTheWire() throws Exception {
        // every billed predict takes 300 ms on the wire: the kill finds some sent and unanswered
        FaultRule slowSubmit = FaultRule.builder().provider("unitypredict").method("POST").path("/api/predict/*/*")
                .latencyMs(300).build();
        Figures f = killOneOfThree("unitypredict", DOCUMENTS, slowSubmit,
                c -> c.runningJobs(VICTIM) >= 10 && c.jobsInPhase(VICTIM, "SUBMITTING") >= 3);
        exactlyOnce(f);
        assertThat(f.submittingAtKill()).as("killed with billed calls unanswered").isGreaterThanOrEqualTo(3);
    }

    @Test
    void deepomaticKilledOutsideItsSubmitWindow() throws Exception {
        Figures f = killOneOfThree("deepomatic", DOCUMENTS, null,
                // mid-batch, every running job past its submit: no new one starts before the batch ends
                c -> c.runningJobs(VICTIM) >= 10 && c.jobsInPhase(VICTIM, "SUBMITTING") == 0);
        exactlyOnce(f);
    }

    @Test
    void deepomaticKilledInsideItsSubmitWindowDeadLettersTheUnknownOutcomesAndBillsNothingTwice() throws Exception {
        // the billed inference takes 2 s on the wire: the kill finds tasks created whose ids never came back
        FaultRule slowSubmit = FaultRule.builder().provider("deepomatic").method("POST").path("/v0.7/**")
                .latencyMs(2_000).build();
        Figures f = killOneOfThree("deepomatic", 60, slowSubmit, c -> c.jobsInPhase(VICTIM, "SUBMITTING") >= 5);
        assertThat(f.outcomeUnknown()).as("the dead replica's unanswered submits").isPositive()
                .isLessThanOrEqualTo(f.submittingAtKill());
        assertThat(f.results() + f.outcomeUnknown()).as("every document has one outcome").isEqualTo(f.documents());
        assertThat(f.failed()).isEqualTo(f.outcomeUnknown());
        assertThat(f.duplicates()).isZero();
        assertThat(f.billedTwice()).as("never billed twice").isZero();
        assertThat(f.billed() - f.results()).as("an unknown one was billed once (its request landed) or not at all,"
                + " never twice").isBetween(0L, (long) f.outcomeUnknown());
        assertThat(f.pendingLeft()).as("kept to refuse their redeliveries until they expire")
                .isEqualTo(f.outcomeUnknown());
    }
}

package io.camelinference.examples.scaleout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.examples.scaleout.local.Documents;
import io.camelinference.examples.scaleout.local.LocalCluster;
import io.camelinference.examples.scaleout.local.ReplicaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents per second with 1, 2 and 3 replicas on this machine (broker, database, emulator and replicas all on it),
 * UnityPredict on a 1 s model, 100 jobs in flight per replica; and what the shared job store adds to each job: the SQL
 * statements run for it and their time (a claim, three state writes, the end of the claim, the completion). Not part
 * of mvn verify: {@code mvn verify -Dscaleout.benchmark=true -Dtest=ScaleOutBenchmarkTest}.
 */
@EnabledIfSystemProperty(named = "scaleout.benchmark", matches = "true")
class ScaleOutBenchmarkTest {

    static final int DOCUMENTS = Integer.getInteger("scaleout.documents", 500);

    @Test
    void documentsPerSecondWithOneTwoAndThreeReplicas() throws Exception {
        List<Double> rates = new ArrayList<>();
        for (int replicas = 1; replicas <= 3; replicas++) {
            rates.add(run(replicas));
        }
        ScaleOutTests.report(String.format("benchmark ratios: 2/1 = %.2f, 3/1 = %.2f", rates.get(1) / rates.get(0),
                rates.get(2) / rates.get(0)));
    }

    private double run(int count) throws Exception {
        try (LocalCluster cluster = LocalCluster.start(ScaleOutTests.work("benchmark-" + count), 1_000, 12)) {
            List<ReplicaProcess> replicas = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                replicas.add(cluster.startReplica("replica-" + i, "unitypredict", Map.of("scaleout.batch-size",
                        "100")));
            }
            cluster.awaitReplicas(count);
            long started = System.nanoTime();
            Documents.produce(cluster.brokers(), LocalCluster.DOCUMENTS, DOCUMENTS, false);
            Documents.Output out = Documents.read(cluster.brokers(), LocalCluster.PREDICTIONS, DOCUMENTS,
                    Duration.ofMinutes(5));
            double seconds = (System.nanoTime() - started) / 1e9;
            replicas.forEach(ReplicaProcess::stop);
            long claims = 0;
            long statements = 0;
            double statementMillis = 0;
            for (ReplicaProcess r : replicas) {
                JsonNode store = LocalCluster.figures(r).path("store");
                claims += store.path("claims").asLong();
                statements += store.path("statements").asLong();
                statementMillis += store.path("statementMillis").asDouble();
            }
            double rate = DOCUMENTS / seconds;
            ScaleOutTests.report(String.format("benchmark replicas=%d documents=%d results=%d seconds=%.1f"
                    + " documents/s=%.1f store: statements/job=%.1f ms/job=%.2f ms/statement=%.2f billed=%d", count,
                    DOCUMENTS, out.perDocument.size(), seconds, rate, (double) statements / claims,
                    statementMillis / claims, statementMillis / statements,
                    cluster.emulator().stats().billedUnits("unitypredict")));
            assertThat(out.perDocument).hasSize(DOCUMENTS);
            return rate;
        }
    }
}

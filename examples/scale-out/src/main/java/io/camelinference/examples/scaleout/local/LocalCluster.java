package io.camelinference.examples.scaleout.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelinference.emulator.InferenceEmulator;
import io.camelinference.jdbc.test.LocalPostgres;

/**
 * Everything the scale-out pipeline needs, on this machine, started by the caller and gone after {@link #close}: an
 * Apache Kafka broker (KRaft, in this JVM), a PostgreSQL server (the Maven-shipped binaries), the inference emulator,
 * the topics, and replica JVMs. The tests use it; {@link #main} is the local demo:
 * <pre>
 * java -jar examples/scale-out/target/scale-out.jar [replicas=3] [documents=500] [service=unitypredict]
 * </pre>
 */
public final class LocalCluster implements AutoCloseable {

    public static final String DOCUMENTS = "documents";
    public static final String PREDICTIONS = "predictions";
    public static final String FAILED = "documents-failed";
    public static final String COMMENTS = "comments";

    private final Path work;
    private final LocalKafka kafka;
    private final LocalPostgres postgres;
    private final InferenceEmulator emulator;
    private final List<ReplicaProcess> replicas = new ArrayList<>();

    private LocalCluster(Path work, LocalKafka kafka, LocalPostgres postgres, InferenceEmulator emulator) {
        this.work = work;
        this.kafka = kafka;
        this.postgres = postgres;
        this.emulator = emulator;
    }

    /**
     * @param slowModelMillis how long a slow model's job (UnityPredict sentiment-slow, Deepomatic tasks) takes
     * @param partitions      partitions of the documents topic (at least the number of replicas)
     */
    public static LocalCluster start(Path work, long slowModelMillis, int partitions) {
        LocalKafka kafka = LocalKafka.start();
        LocalPostgres postgres = LocalPostgres.start();
        InferenceEmulator emulator = InferenceEmulator.builder().slowModelMillis(slowModelMillis).start();
        kafka.createTopics(partitions, DOCUMENTS);
        kafka.createTopics(3, PREDICTIONS, FAILED, COMMENTS);
        return new LocalCluster(work, kafka, postgres, emulator);
    }

    public InferenceEmulator emulator() {
        return emulator;
    }

    public String brokers() {
        return kafka.bootstrapServers();
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public Path work() {
        return work;
    }

    /** Starts a replica of the pipeline for the service (unitypredict or deepomatic) in a JVM of its own. */
    public ReplicaProcess startReplica(String name, String service, Map<String, String> extra) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kafka.brokers", kafka.bootstrapServers());
        p.put("jobs.jdbc-url", postgres.jdbcUrl());
        p.put("jobs.username", postgres.username());
        p.put("scaleout.service", service);
        p.put("unitypredict.base-url", emulator.baseUrl() + "/api");
        p.put("deepomatic.base-url", emulator.baseUrl() + "/v0.7");
        p.put("commsmining.base-url", emulator.baseUrl());
        p.put("cluster.root", work.resolve("cluster").toString());
        p.putAll(extra);
        Map<String, String> env = Map.of("UNITYPREDICT_API_KEY", emulator.apiKey(), "DEEPOMATIC_API_KEY",
                emulator.apiKey(), "COMMSMINING_API_TOKEN", emulator.apiKey());
        ReplicaProcess replica = ReplicaProcess.start(name, work, p, env);
        replicas.add(replica);
        return replica;
    }

    /** Waits until this many replicas share the documents topic (so a run starts without rebalances). */
    public void awaitReplicas(int replicas) {
        kafka.awaitGroup("scale-out", replicas, Duration.ofMinutes(2));
    }

    /** Pending (not completed) jobs in the shared table, all replicas together. */
    public int pendingJobs() {
        return count("SELECT COUNT(*) FROM camel_inference_jobs WHERE status = 'P'");
    }

    /** Jobs a replica is running now (claimed, lease held). */
    public int runningJobs(String replica) {
        return count("SELECT COUNT(*) FROM camel_inference_jobs WHERE status = 'P' AND owner = '" + replica.replace("'",
                "") + "' AND lease_until IS NOT NULL");
    }

    /** Jobs of a replica whose stored state is in this phase (e.g. SUBMITTING: its billed call may be on the wire). */
    public int jobsInPhase(String replica, String phase) {
        return count("SELECT COUNT(*) FROM camel_inference_jobs WHERE status = 'P' AND owner = '" + replica.replace("'",
                "") + "' AND state LIKE '%\"phase\":\"" + phase.replace("'", "") + "\"%'");
    }

    /** Jobs of a replica not completed (held or not). */
    public int pendingJobs(String replica) {
        return count("SELECT COUNT(*) FROM camel_inference_jobs WHERE status = 'P' AND owner = '" + replica.replace("'",
                "") + "'");
    }

    private int count(String sql) {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), null);
             PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            return r.next() ? r.getInt(1) : 0;
        } catch (SQLException e) {
            // the table is created by the first replica
            return e.getSQLState() != null && e.getSQLState().equals("42P01") ? 0 : fail(e);
        }
    }

    private static int fail(SQLException e) {
        throw new IllegalStateException(e);
    }

    /** The figures a replica wrote last. */
    public static JsonNode figures(ReplicaProcess replica) {
        try {
            return Files.exists(replica.stats()) ? new ObjectMapper().readTree(replica.stats().toFile())
                    : new ObjectMapper().createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (ReplicaProcess r : replicas) {
            if (r.isAlive()) {
                r.kill();
            }
        }
        emulator.close();
        kafka.close();
        postgres.close();
    }

    public static void main(String[] args) throws Exception {
        int replicaCount = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int documents = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        String service = args.length > 2 ? args[2] : "unitypredict";
        Path work = Files.createDirectories(Paths.get("work", "scale-out"));
        try (LocalCluster cluster = start(work, 1_000, 12)) {
            System.out.println("Kafka " + cluster.brokers() + ", PostgreSQL " + cluster.postgres.jdbcUrl()
                    + ", emulator " + cluster.emulator.baseUrl() + "; replica logs in " + work.toAbsolutePath());
            List<ReplicaProcess> running = new ArrayList<>();
            for (int i = 1; i <= replicaCount; i++) {
                running.add(cluster.startReplica("replica-" + i, service, Map.of()));
            }
            cluster.awaitReplicas(replicaCount);
            long started = System.nanoTime();
            Documents.produce(cluster.brokers(), DOCUMENTS, documents, "deepomatic".equals(service));
            Documents.Output out = Documents.read(cluster.brokers(), PREDICTIONS, documents, Duration.ofMinutes(10));
            double seconds = (System.nanoTime() - started) / 1e9;
            running.forEach(ReplicaProcess::stop);
            Map<String, Object> figures = new HashMap<>();
            figures.put("documents", documents);
            figures.put("results", out.perDocument.size());
            figures.put("duplicates", out.duplicates());
            figures.put("perReplica", out.perReplica);
            figures.put("billed", cluster.emulator.stats().billedUnits(service));
            figures.put("billedTwice", cluster.emulator.stats().duplicateBilled(service));
            figures.put("pendingJobs", cluster.pendingJobs());
            figures.put("seconds (first document sent to last result)", String.format("%.1f", seconds));
            figures.put("documents per second", String.format("%.1f", documents / seconds));
            System.out.println(figures);
            out.samples.forEach(s -> System.out.println("  " + s));
        }
    }
}

package io.camelinference.examples.scaleout.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one), from the Kafka server artifacts on
 * Maven Central, in this JVM: no Docker, no ZooKeeper. It listens on 127.0.0.1 only, on free ports, with a fresh log
 * folder that {@link #close} deletes. Group and transaction timeouts are shortened so that a replica killed with
 * SIGKILL gives its partitions (and any transaction it left open) up within seconds.
 */
public final class LocalKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final Path logs;
    private final String bootstrap;

    private LocalKafka(KafkaRaftServer server, Path logs, String bootstrap) {
        this.server = server;
        this.logs = logs;
        this.bootstrap = bootstrap;
    }

    public static LocalKafka start() {
        try {
            Path logs = Files.createTempDirectory("camel-inference-kafka-");
            int brokerPort = freePort();
            int controllerPort = freePort();
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", "1");
            p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("log.dirs", logs.toString());
            p.put("num.partitions", "6");
            p.put("offsets.topic.replication.factor", "1");
            p.put("offsets.topic.num.partitions", "3");
            p.put("transaction.state.log.replication.factor", "1");
            p.put("transaction.state.log.min.isr", "1");
            p.put("transaction.state.log.num.partitions", "3");
            p.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
            p.put("group.initial.rebalance.delay.ms", "0");
            p.put("group.min.session.timeout.ms", "1000");
            p.put("auto.create.topics.enable", "false");
            Path config = logs.resolve("server.properties");
            try (var out = Files.newOutputStream(config)) {
                p.store(out, "LocalKafka");
            }
            ByteArrayOutputStream formatted = new ByteArrayOutputStream();
            int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString(), "--ignore-formatted"}, new PrintStream(formatted, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                throw new IllegalStateException("Cannot format the Kafka log folder: " + formatted);
            }
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(p, false), Time.SYSTEM);
            server.startup();
            LocalKafka kafka = new LocalKafka(server, logs, "127.0.0.1:" + brokerPort);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::deleteLogs));
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a local Kafka broker", e);
        }
    }

    /** bootstrap.servers for clients. */
    public String bootstrapServers() {
        return bootstrap;
    }

    /** Creates the topics (partitions each, replication 1) and waits until they are there. */
    public void createTopics(int partitions, String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(Stream.of(topics).map(t -> new NewTopic(t, partitions, (short) 1)).toList())
                    .all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the topics " + List.of(topics), e);
        }
    }

    /** Waits until the consumer group is stable with this many members, each with partitions assigned. */
    public void awaitGroup(String groupId, int members, java.time.Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (System.nanoTime() < end) {
                var group = admin.describeConsumerGroups(List.of(groupId)).all().get(10, TimeUnit.SECONDS).get(groupId);
                if (group.state() == org.apache.kafka.common.ConsumerGroupState.STABLE
                        && group.members().size() == members
                        && group.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                    return;
                }
                Thread.sleep(200);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot describe the consumer group " + groupId, e);
        }
        throw new IllegalStateException("The consumer group " + groupId + " did not reach " + members
                + " members with partitions within " + timeout);
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        deleteLogs();
    }

    private void deleteLogs() {
        try (Stream<Path> files = Files.walk(logs)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}

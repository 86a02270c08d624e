package io.camelinference.examples.scaleout;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka transaction per batch: the results (output topic), the dead letters (failed topic, with the reason) and
 * the batch's input offsets, sent with the consumer's group metadata, so that a replica a rebalance took partitions
 * from cannot commit them (the broker refuses its offsets). Used on the consumer thread only.
 */
final class BatchTransaction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchTransaction.class);

    private final Map<String, Object> config;
    private final String outputTopic;
    private final String failedTopic;
    private final byte[] replica;
    private KafkaProducer<String, byte[]> producer;

    BatchTransaction(String brokers, String outputTopic, String failedTopic, String replica) {
        this.outputTopic = outputTopic;
        this.failedTopic = failedTopic;
        this.replica = replica.getBytes(StandardCharsets.UTF_8);
        this.config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "scale-out-" + replica,
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    }

    /**
     * Commits the batch; false when it could not (a rebalance changed the group while the batch ran, the producer was
     * fenced): nothing of it is visible then, and its records must be read again.
     */
    boolean commit(List<Exchange> records) {
        KafkaProducer<String, byte[]> p = producer();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Consumer<?, ?> consumer = null;
        try {
            p.beginTransaction();
            for (Exchange r : records) {
                DefaultKafkaManualCommit position = position(r);
                consumer = position.getConsumer();
                offsets.merge(position.getPartition(), new OffsetAndMetadata(position.getRecordOffset() + 1),
                        (a, b) -> a.offset() >= b.offset() ? a : b);
                send(p, r);
            }
            p.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            commitTransaction(p);
            return true;
        } catch (ProducerFencedException fenced) {
            LOG.warn("The batch's transaction was fenced off ({}); a new producer is made", fenced.getMessage());
            close();
            return false;
        } catch (KafkaException e) {
            LOG.info("The batch of {} records was not committed ({}); it is read again and its jobs resumed",
                    records.size(), e.getMessage());
            try {
                p.abortTransaction();
            } catch (KafkaException abortFailed) {
                close();
            }
            return false;
        }
    }

    /**
     * Puts the consumer back at the batch's first record on each of its partitions this replica still has, so the
     * next poll reads them again; a partition a rebalance gave to another replica is read there from its last committed
     * offset. No reconnect, so no further rebalance.
     */
    static void rewind(List<Exchange> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        Consumer<?, ?> consumer = null;
        for (Exchange r : records) {
            DefaultKafkaManualCommit position = position(r);
            consumer = position.getConsumer();
            first.merge(position.getPartition(), position.getRecordOffset(), Math::min);
        }
        Set<TopicPartition> assigned = consumer.assignment();
        Consumer<?, ?> c = consumer;
        first.forEach((partition, offset) -> {
            if (assigned.contains(partition)) {
                c.seek(partition, offset);
            }
        });
    }

    private void send(KafkaProducer<String, byte[]> p, Exchange r) {
        String id = r.getMessage().getHeader(KafkaConstants.KEY, String.class);
        Outcome outcome = r.getProperty(Outcome.PROPERTY, Outcome.class);
        if (outcome == null) {
            throw new IllegalStateException("The document route left no outcome for document " + id);
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add("replica", replica);
        switch (outcome) {
            case RESULT -> p.send(new ProducerRecord<>(outputTopic, null, id, r.getMessage().getBody(byte[].class),
                    headers));
            case FAILED -> {
                headers.add("error", String.valueOf(r.getProperty(Outcome.REASON)).getBytes(StandardCharsets.UTF_8));
                p.send(new ProducerRecord<>(failedTopic, null, id, r.getProperty(Outcome.ORIGINAL, byte[].class),
                        headers));
            }
            default -> {
                // skipped, or left to the replica running it: only its offset is committed
            }
        }
    }

    /** A commit that timed out may have happened: Kafka says to call it again, never to abort then. */
    private static void commitTransaction(KafkaProducer<String, byte[]> p) {
        for (int attempt = 1; ; attempt++) {
            try {
                p.commitTransaction();
                return;
            } catch (TimeoutException e) {
                if (attempt == 5) {
                    throw new IllegalStateException("The batch's transaction could not be confirmed after " + attempt
                            + " attempts; stopping rather than guessing", e);
                }
            }
        }
    }

    private static DefaultKafkaManualCommit position(Exchange r) {
        return r.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, DefaultKafkaManualCommit.class);
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(config);
            producer.initTransactions();
        }
        return producer;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}

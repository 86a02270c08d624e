package io.camelinference.examples.scaleout;

import org.apache.camel.component.kafka.consumer.CommitManager;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualSyncCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;

/**
 * Gives each record of a batch its partition, offset and consumer ({@code kafka.MANUAL_COMMIT} header), which
 * {@link RecordBatch} needs to commit the batch's offsets inside its Kafka transaction. Being neither of camel-kafka's
 * default factories, it also makes camel-kafka use its no-op commit manager: camel-kafka itself never commits an
 * offset (not after a batch, not when it reconnects after a failed one), so a record is only ever marked consumed
 * together with its result.
 */
public final class RecordCommits implements KafkaManualCommitFactory {

    @Override
    public KafkaManualCommit newInstance(CamelExchangePayload camelExchangePayload, KafkaRecordPayload kafkaRecordPayload,
                                         CommitManager commitManager) {
        return new DefaultKafkaManualSyncCommit(camelExchangePayload, kafkaRecordPayload, commitManager);
    }
}

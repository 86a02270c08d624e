package io.camelinference.common.job;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Recognises a message across attempts and restarts, so its job can be resumed: an explicit key header first; else a
 * file from the file consumer by path, size and modification time; else a Kafka record by topic, partition and offset.
 * A message with none of these is not recognised (null), and its jobs are not remembered.
 */
public final class JobKeys {

    private JobKeys() {
    }

    /**
     * @param exchange  the message
     * @param keyHeader the component's key header, e.g. {@code CamelUnityPredictJobKey}
     * @param scope     what the job is, so the same message sent to two operations or models gets two keys,
     *                  e.g. {@code predict:heart-risk}
     */
    public static String of(Exchange exchange, String keyHeader, String scope) {
        Message in = exchange.getMessage();
        String explicit = in.getHeader(keyHeader, String.class);
        if (explicit != null && !explicit.isBlank()) {
            return scope + "|" + explicit;
        }
        String path = in.getHeader(Exchange.FILE_PATH, String.class);
        if (path != null) {
            return scope + "|file:" + path + "|" + in.getHeader(Exchange.FILE_LENGTH, String.class) + "|"
                    + in.getHeader(Exchange.FILE_LAST_MODIFIED, String.class);
        }
        String topic = in.getHeader("kafka.TOPIC", String.class);
        String offset = in.getHeader("kafka.OFFSET", String.class);
        if (topic != null && offset != null) {
            return scope + "|kafka:" + topic + "/" + in.getHeader("kafka.PARTITION", String.class) + "@" + offset;
        }
        return null;
    }
}

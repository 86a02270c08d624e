package io.camelinference.examples.scaleout.local;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.imageio.ImageIO;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The documents of the local run and what came out for them: {@code doc-0001}... keyed records (a JSON document of
 * input values for UnityPredict, a small PNG for Deepomatic, every one different so the emulator can tell an input
 * billed twice), and the committed records of an output topic, counted per document.
 */
public final class Documents {

    private static final String[] OPINIONS = {"The delivery was quick and the support was excellent",
        "Terrible experience, the parcel arrived broken and nobody answered", "It works, nothing more to say",
        "Great value, I would order again", "The invoice was wrong and the refund is late"};

    private Documents() {
    }

    public static String id(int i) {
        return String.format("doc-%04d", i);
    }

    /** A JSON document of UnityPredict input values (the sentiment-slow model's Text). */
    public static byte[] text(int i) {
        String text = "Review " + i + ": " + OPINIONS[i % OPINIONS.length];
        return ("{\"Text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** An 8x8 PNG, mostly one colour, with a pattern of its own. */
    public static byte[] image(int i) {
        Color[] bases = {new Color(200, 30, 30), new Color(30, 160, 40), new Color(30, 60, 200)};
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < 64; p++) {
            img.setRGB(p % 8, p / 8, bases[i % 3].getRGB());
        }
        for (int bit = 0; bit < 16; bit++) {
            if ((i >> bit & 1) == 1) {
                img.setRGB(bit % 8, bit / 8, Color.WHITE.getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Sends documents 1..count to the topic. */
    public static void produce(String brokers, String topic, int count, boolean images) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(), ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 1; i <= count; i++) {
                producer.send(new ProducerRecord<>(topic, id(i), images ? image(i) : text(i)));
            }
            producer.flush();
        }
    }

    /**
     * The committed records of a topic (read_committed: a transaction a killed replica left open or aborted shows
     * nothing) until {@code expected} were read or the time is up.
     */
    public static Output read(String brokers, String topic, int expected, Duration timeout) {
        return read(brokers, topic, expected, timeout, Duration.ZERO);
    }

    /**
     * As {@link #read(String, String, int, Duration)}, until {@code expected} documents had a record, then on for
     * {@code settle} to catch any late second record of a document.
     */
    public static Output read(String brokers, String topic, int expected, Duration timeout, Duration settle) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Output output = new Output();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long end = System.nanoTime() + timeout.toNanos();
            while (output.perDocument.size() < expected && System.nanoTime() < end) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    output.add(r);
                }
            }
            long settled = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < settled) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    output.add(r);
                }
            }
        }
        return output;
    }

    /** Records of an output topic, per document and per replica. */
    public static final class Output {
        public final Map<String, Integer> perDocument = new HashMap<>();
        public final Map<String, Integer> perReplica = new HashMap<>();
        public final List<String> samples = new ArrayList<>();
        public final List<String> errors = new ArrayList<>();
        public int records;

        void add(ConsumerRecord<String, byte[]> r) {
            records++;
            perDocument.merge(r.key(), 1, Integer::sum);
            Header replica = r.headers().lastHeader("replica");
            perReplica.merge(replica == null ? "?" : new String(replica.value(), StandardCharsets.UTF_8), 1,
                    Integer::sum);
            Header error = r.headers().lastHeader("error");
            if (error != null) {
                errors.add(new String(error.value(), StandardCharsets.UTF_8));
            }
            if (samples.size() < 5) {
                samples.add(r.key() + ": " + (error != null ? new String(error.value(), StandardCharsets.UTF_8)
                        : new String(r.value(), StandardCharsets.UTF_8)));
            }
        }

        /** Documents with more than one record. */
        public long duplicates() {
            return perDocument.values().stream().filter(n -> n > 1).count();
        }
    }
}

package dev.tango.testsupport;

import dev.tango.events.EventDeserializer;
import dev.tango.events.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a real topic from the beginning, so a test can assert on what a service published. Values are kept raw so
 * that dead-letter topics (holding records that do not deserialize) can be read too.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    public TopicProbe(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "probe-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls once and returns everything received so far; call it from an Awaitility condition. */
    public synchronized List<ConsumerRecord<String, byte[]>> records() {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        return List.copyOf(received);
    }

    /** The records received so far for one session, decoded. */
    public List<EventEnvelope<?>> events(String sessionId) {
        EventDeserializer deserializer = new EventDeserializer();
        return records().stream()
                .filter(record -> sessionId.equals(record.key()))
                .<EventEnvelope<?>>map(
                        record -> deserializer.deserialize(record.topic(), record.headers(), record.value()))
                .toList();
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}

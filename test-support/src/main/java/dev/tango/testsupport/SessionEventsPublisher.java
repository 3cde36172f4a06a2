package dev.tango.testsupport;

import dev.tango.events.EventEnvelope;
import dev.tango.events.EventSerializer;
import dev.tango.events.EventTypes;
import dev.tango.events.GoldenSamples;
import dev.tango.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes on the real session events topic the way session-service does (key = session id, CloudEvents binary
 * mode), and publishes raw records for what no well-behaved producer would send. Each send waits for the broker's
 * acknowledgement, so records of one key are on the topic in the order sent. An event (or golden sample) of another
 * topic, e.g. a score event, goes to the topic its type is registered on, as its owner would publish it.
 */
public final class SessionEventsPublisher implements AutoCloseable {

    private static final String TOPIC = Topics.SESSION_EVENTS.name();

    private final KafkaProducer<String, EventEnvelope<?>> events;
    private final KafkaProducer<String, byte[]> raw;

    public SessionEventsPublisher(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true);
        events = new KafkaProducer<>(config, new StringSerializer(), new EventSerializer());
        raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    public void publish(List<EventEnvelope<?>> envelopes) {
        envelopes.forEach(this::publish);
    }

    public void publish(EventEnvelope<?> envelope) {
        String topic = EventTypes.topicOf(envelope.data().getClass()).name();
        await(events.send(new ProducerRecord<>(topic, envelope.sessionId().value(), envelope)));
    }

    /** A golden sample byte for byte: its headers and its body. */
    public void publish(GoldenSamples.Sample sample) {
        String topic = EventTypes.payloadOf(sample.type())
                .map(payload -> EventTypes.topicOf(payload).name())
                .orElse(TOPIC);
        await(raw.send(new ProducerRecord<>(topic, null, sample.key(), sample.bodyBytes(), sample.kafkaHeaders())));
    }

    public void publishRaw(String key, Map<String, String> headers, byte[] body) {
        publishRaw(Topics.SESSION_EVENTS, key, headers, body);
    }

    /** A raw record on any topic, e.g. a poison record on the score events topic. */
    public void publishRaw(Topics.TopicSpec topic, String key, Map<String, String> headers, byte[] body) {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers.forEach((name, value) -> kafkaHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
        await(raw.send(new ProducerRecord<>(topic.name(), null, key, body, kafkaHeaders)));
    }

    private static void await(java.util.concurrent.Future<?> sent) {
        try {
            sent.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish", e);
        }
    }

    @Override
    public void close() {
        events.close();
        raw.close();
    }
}

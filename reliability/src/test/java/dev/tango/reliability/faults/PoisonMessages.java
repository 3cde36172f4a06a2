package dev.tango.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.local.Component;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Scenario 4: malformed and unknown-version events on each consumed topic. Each must reach the topic's {@code .dlt}
 * after the bounded retries, once per consumer group that reads the topic, and be counted in
 * {@code tango_events_dead_lettered_total} of the service that gave it up; sessions driven afterwards must be
 * processed as if nothing had happened.
 */
final class PoisonMessages {

    private static final List<Component> CONSUMERS = List.of(Component.SCORING_SERVICE, Component.FEEDBACK_SERVICE);
    private static final String DEAD_LETTERED = "tango_events_dead_lettered_total";

    private PoisonMessages() {}

    /** Publishes the poison, checks the dead-letter topics and the metric, then runs {@code afterwards}. */
    static String run(FaultStack stack, Scenario afterwards) throws Exception {
        Map<String, Double> before = deadLettered(stack);
        Map<String, List<String>> poisonKeys = new LinkedHashMap<>();
        long published = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.stack().kafkaBootstrap(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (String topic : FaultStack.TOPICS) {
                String family =
                        topic.contains("session") ? "tango.session.phase-entered" : "tango.score.observation-recorded";
                List<String> keys = new ArrayList<>();
                String malformed = "poison-malformed-" + UUID.randomUUID();
                producer.send(record(
                                topic, malformed, family + ".v1", "{\"sessionId\": \"" + malformed + "\", \"phase\": "))
                        .get(10, TimeUnit.SECONDS);
                keys.add(malformed);
                String unknownVersion = "poison-version-" + UUID.randomUUID();
                producer.send(record(
                                topic,
                                unknownVersion,
                                family + ".v99",
                                "{\"sessionId\":\"" + unknownVersion + "\",\"phase\":\"EXPLORING\"}"))
                        .get(10, TimeUnit.SECONDS);
                keys.add(unknownVersion);
                poisonKeys.put(topic, keys);
            }
        }

        Map<String, Integer> deadLetters = new LinkedHashMap<>();
        await("every poison record in its dead-letter topic and counted")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    Map<String, Double> now = deadLettered(stack);
                    for (String topic : FaultStack.TOPICS) {
                        TopicAudit.Counts dlt = TopicAudit.read(stack.stack().kafkaBootstrap(), topic + ".dlt");
                        int copies = 0;
                        for (String key : poisonKeys.get(topic)) {
                            int found = dlt.perSession().getOrDefault(key, 0);
                            assertThat(found)
                                    .as("copies of %s in %s.dlt", key, topic)
                                    .isPositive();
                            copies += found;
                        }
                        assertThat(now.get(topic) - before.get(topic))
                                .as("%s counted for %s (one per consumer group and record)", DEAD_LETTERED, topic)
                                .isEqualTo(copies);
                        deadLetters.put(topic, copies);
                    }
                });
        long deadLettered = System.nanoTime();
        String after = afterwards.run();
        String figures = String.format(
                Locale.ROOT,
                "Poison messages: 2 per topic (malformed JSON, unknown version v99); dead-lettered copies (one per"
                        + " consumer group) %s, all in the .dlt topics and counted in %s within %.1f s; the good"
                        + " load afterwards: see next line",
                deadLetters,
                DEAD_LETTERED,
                Scenario.seconds(deadLettered - published));
        System.out.println(figures);
        return figures + "\n" + after;
    }

    private static Map<String, Double> deadLettered(FaultStack stack) {
        Map<String, Double> counted = new LinkedHashMap<>();
        for (String topic : FaultStack.TOPICS) {
            counted.put(topic, 0.0);
        }
        for (Component service : CONSUMERS) {
            String scrape = stack.prometheus(service);
            for (String topic : FaultStack.TOPICS) {
                counted.merge(topic, FaultStack.metric(scrape, DEAD_LETTERED, "topic=\"" + topic + "\""), Double::sum);
            }
        }
        return counted;
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, String type, String body) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, body.getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(header("ce_specversion", "1.0"))
                .add(header("ce_id", UUID.randomUUID().toString()))
                .add(header("ce_source", "/reliability/poison"))
                .add(header("ce_type", type))
                .add(header("ce_subject", key))
                .add(header("ce_time", Instant.now().toString()))
                .add(header("ce_sequence", "1"))
                .add(header("content-type", "application/json"));
        return record;
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

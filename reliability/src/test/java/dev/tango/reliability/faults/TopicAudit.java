package dev.tango.reliability.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning to its current end, without a consumer group, and counts each event: by session
 * and CloudEvents id ({@code ce_id}), and by session and per-session sequence; repeats are listed as {@code
 * <session>#<ce_id or sequence> xN}. An event relayed twice shows up as a
 * {@code ce_id} seen twice; two different events with the same sequence as a sequence seen twice.
 */
final class TopicAudit {

    /** What a topic holds. */
    record Counts(
            String topic,
            int records,
            List<String> duplicateIds,
            List<String> duplicateSequences,
            Map<String, Integer> perSession,
            Map<String, Integer> distinctPerSession) {}

    private TopicAudit() {}

    static Counts read(String bootstrap, String topic) {
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> sequences = new HashMap<>();
        Map<String, Integer> perSession = new HashMap<>();
        Map<String, java.util.Set<String>> distinct = new HashMap<>();
        int records = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        2_000),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 120 s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    ids.merge(record.key() + "#" + header(record, "ce_id"), 1, Integer::sum);
                    sequences.merge(record.key() + "#" + header(record, "ce_sequence"), 1, Integer::sum);
                    perSession.merge(String.valueOf(record.key()), 1, Integer::sum);
                    distinct.computeIfAbsent(String.valueOf(record.key()), key -> new java.util.HashSet<>())
                            .add(header(record, "ce_id"));
                }
            }
        }
        Map<String, Integer> distinctPerSession = new HashMap<>();
        distinct.forEach((key, events) -> distinctPerSession.put(key, events.size()));
        return new Counts(topic, records, repeated(ids), repeated(sequences), perSession, distinctPerSession);
    }

    private static List<String> repeated(Map<String, Integer> counts) {
        List<String> twice = new ArrayList<>();
        counts.forEach((key, count) -> {
            if (count > 1) {
                twice.add(key + " x" + count);
            }
        });
        return twice;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "<none>" : new String(header.value(), StandardCharsets.UTF_8);
    }
}

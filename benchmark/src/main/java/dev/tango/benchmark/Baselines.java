package dev.tango.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
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
import org.bson.Document;

/**
 * The limits the infrastructure sets, measured in the same run against the same processes: raw Kafka produce and
 * consume with the platform's own records, and raw single-document writes to the MongoDB-protocol server with the
 * services' own document shapes.
 */
final class Baselines {

    private Baselines() {}

    /** Records copied from the session events topic: value and headers (CloudEvents binary mode) as sent. */
    record Sample(List<ProducerRecord<byte[], byte[]>> records, double meanBytes) {}

    record KafkaFigures(long messages, double meanBytes, double producedPerSecond, double consumedPerSecond) {
        String line() {
            return String.format(
                    Locale.ROOT,
                    "raw Kafka: %d records of %.0f bytes (value + headers), 6 partitions, acks=all, idempotent:"
                            + " produce %.0f records/s, consume %.0f records/s",
                    messages,
                    meanBytes,
                    producedPerSecond,
                    consumedPerSecond);
        }
    }

    record MongoFigures(
            int concurrency, long writes, double insertsPerSecond, double updatesPerSecond, Latency update) {
        String line() {
            return String.format(
                    Locale.ROOT,
                    "raw MongoDB-protocol server: %d writers, single-document inserts %.0f /s, conditional replaces by"
                            + " _id and version %.0f /s (%s)",
                    concurrency,
                    insertsPerSecond,
                    updatesPerSecond,
                    update.summary());
        }
    }

    /** Up to {@code max} phase-entered records from the session events topic, as the services wrote them. */
    static Sample sampleSessionEvents(String bootstrap, int max) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-sample-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        long bytes = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("tango.session-events.v1"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (records.size() < max && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (records.size() >= max || !isPhaseEntered(record)) {
                        continue;
                    }
                    ProducerRecord<byte[], byte[]> copy =
                            new ProducerRecord<>("bench.raw", null, record.key(), record.value(), record.headers());
                    records.add(copy);
                    bytes += size(record);
                }
            }
        }
        if (records.isEmpty()) {
            throw new IllegalStateException("no phase-entered record on tango.session-events.v1 to copy");
        }
        return new Sample(records, (double) bytes / records.size());
    }

    private static boolean isPhaseEntered(ConsumerRecord<byte[], byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        return type != null && new String(type.value()).contains("phase-entered");
    }

    private static long size(ConsumerRecord<byte[], byte[]> record) {
        long size =
                (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
        for (Header header : record.headers()) {
            size += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    /** Produces {@code messages} copies of the sample as fast as the broker acks them, then consumes them all. */
    static KafkaFigures kafka(String bootstrap, Sample sample, int messages) {
        String topic = "bench.raw." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create " + topic, e);
        }
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // As the services' producers (service-support TangoKafkaAutoConfiguration): idempotent, acks=all.
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        CountDownLatch acked = new CountDownLatch(messages);
        AtomicLong failed = new AtomicLong();
        long produceStart = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < messages; i++) {
                ProducerRecord<byte[], byte[]> template =
                        sample.records().get(i % sample.records().size());
                producer.send(
                        new ProducerRecord<>(topic, null, template.key(), template.value(), template.headers()),
                        (metadata, error) -> {
                            if (error != null) {
                                failed.incrementAndGet();
                            }
                            acked.countDown();
                        });
            }
            await(acked);
        }
        long produceNanos = System.nanoTime() - produceStart;
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " raw Kafka sends failed");
        }

        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID());
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        long consumed = 0;
        long consumeStart = 0;
        long consumeEnd = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            // Assigned rather than subscribed: no group join in the measured time.
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < 6; p++) {
                partitions.add(new TopicPartition(topic, p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            consumeStart = System.nanoTime();
            while (consumed < messages && System.nanoTime() < deadline) {
                consumed += consumer.poll(Duration.ofMillis(200)).count();
            }
            consumeEnd = System.nanoTime();
        }
        if (consumed < messages) {
            throw new IllegalStateException("consumed only " + consumed + " of " + messages + " raw records");
        }
        return new KafkaFigures(
                messages,
                sample.meanBytes(),
                messages * 1e9 / produceNanos,
                messages * 1e9 / Math.max(1, consumeEnd - consumeStart));
    }

    /**
     * Single-document writes with {@code concurrency} writers, each on its own documents, cycling through {@code
     * shapes} (documents copied from the services' collections): first inserts, then replaces conditional on the
     * {@code version} field, as the services' repositories write.
     */
    static MongoFigures mongo(MongoClient mongo, List<Document> shapes, int concurrency, Duration duration) {
        MongoCollection<Document> collection =
                mongo.getDatabase("tango_benchmark").getCollection("raw_writes_" + System.nanoTime());
        AtomicLong inserts = new AtomicLong();
        List<List<String>> ids = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            ids.add(new ArrayList<>());
        }
        long insertNanos = runWriters(concurrency, duration, (writer, i) -> {
            String id = UUID.randomUUID().toString();
            Document doc = new Document(shapes.get((int) (i % shapes.size())));
            doc.put("_id", id);
            doc.put("version", 0L);
            collection.insertOne(doc);
            ids.get(writer).add(id);
            inserts.incrementAndGet();
        });
        Latency latency = new Latency();
        AtomicLong updates = new AtomicLong();
        long updateNanos = runWriters(concurrency, duration, (writer, i) -> {
            List<String> mine = ids.get(writer);
            String id = mine.get((int) (i % mine.size()));
            long version = i / mine.size();
            Document doc = new Document(shapes.get((int) (i % shapes.size())));
            doc.put("_id", id);
            doc.put("version", version + 1);
            long begin = System.nanoTime();
            if (collection
                            .replaceOne(new Document("_id", id).append("version", version), doc)
                            .getModifiedCount()
                    != 1) {
                throw new IllegalStateException("conditional replace of " + id + " matched nothing");
            }
            latency.recordNanos(System.nanoTime() - begin);
            updates.incrementAndGet();
        });
        collection.drop();
        return new MongoFigures(
                concurrency,
                inserts.get() + updates.get(),
                inserts.get() * 1e9 / insertNanos,
                updates.get() * 1e9 / updateNanos,
                latency);
    }

    interface Write {
        void run(int writer, long iteration);
    }

    private static long runWriters(int concurrency, Duration duration, Write write) {
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            int writer = w;
            Thread thread = new Thread(
                    () -> {
                        for (long i = 0; System.nanoTime() < end; i++) {
                            write.run(writer, i);
                        }
                    },
                    "raw-writer-" + w);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return System.nanoTime() - start;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("raw Kafka sends not acked within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

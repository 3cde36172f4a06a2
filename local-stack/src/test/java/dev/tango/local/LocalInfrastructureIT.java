package dev.tango.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real broker and Mongo server as child processes, over TCP: what they keep across a stop and a kill -9. */
class LocalInfrastructureIT {

    private static final String TOPIC = "tango.local-stack-it";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void kafkaRecordsAndMongoDocumentsSurviveAStopAndStart() throws Exception {
        try (LocalStack stack = infrastructure().start()) {
            assertThat(stack.infrastructureStartupTime()).isPositive();
            try (Admin admin = admin(stack)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)))
                        .all()
                        .get();
            }
            send(stack, TOPIC, "session-1", "PhaseEntered");
            assertThat(consumeAtLeast(stack, TOPIC, 1)).containsExactly("session-1=PhaseEntered");

            try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
                documents(mongo).insertOne(new Document("_id", "doc-1").append("text", "kept"));
                // Spring Boot's Mongo health check sends hello to a database that holds data.
                assertThat(mongo.getDatabase("local-stack-it").runCommand(new Document("hello", 1)))
                        .containsEntry("isWritablePrimary", true);
            }
        }

        try (LocalStack stack = infrastructure().start()) {
            assertThat(consumeAtLeast(stack, TOPIC, 1)).containsExactly("session-1=PhaseEntered");
            try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
                assertThat(documents(mongo).find(Filters.eq("_id", "doc-1")).first())
                        .isNotNull()
                        .containsEntry("text", "kept");
            }
        }
        assertThat(dataDir.resolve("kafka/cluster.id")).exists();
        assertThat(dataDir.resolve("mongo/tango.mv")).exists();
        assertThat(dataDir.resolve("logs/kafka.log")).content().contains("Kafka Server started");
    }

    @Test
    void theBrokerNeverCreatesATopicOnFirstUse() throws Exception {
        try (LocalStack stack = infrastructure().start();
                KafkaProducer<String, String> producer = producer(stack, Duration.ofSeconds(2))) {
            String missing = "tango.no-such-topic";

            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(missing, "k", "v"))
                            .get())
                    .hasMessageContaining(missing);

            try (Admin admin = admin(stack)) {
                Set<String> topics = admin.listTopics().names().get();
                assertThat(topics).doesNotContain(missing);
            }
        }
    }

    @Test
    void dataSurvivesAKillDashNineOfMongoAndOfKafka() throws Exception {
        try (LocalStack stack = infrastructure().start();
                MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            try (Admin admin = admin(stack)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)))
                        .all()
                        .get();
            }
            send(stack, TOPIC, "session-2", "ScorecardPublished");
            // j:true is acknowledged only once it is in the store's file, as MongoDB does with its journal.
            documents(mongo)
                    .withWriteConcern(WriteConcern.JOURNALED)
                    .insertOne(new Document("_id", "doc-2").append("text", "written just before the crash"));

            long mongoPid = stack.pid(Component.MONGO);
            stack.kill(Component.MONGO);
            assertThat(stack.isRunning(Component.MONGO)).isFalse();
            assertThat(ProcessHandle.of(mongoPid)).isEmpty();
            stack.kill(Component.KAFKA);
            assertThat(stack.isRunning(Component.KAFKA)).isFalse();

            stack.start(Component.MONGO);
            stack.start(Component.KAFKA);

            assertThat(stack.pid(Component.MONGO)).isNotEqualTo(mongoPid);
            assertThat(documents(mongo).find(Filters.eq("_id", "doc-2")).first())
                    .isNotNull()
                    .containsEntry("text", "written just before the crash");
            assertThat(consumeAtLeast(stack, TOPIC, 1)).containsExactly("session-2=ScorecardPublished");
        }
    }

    @Test
    void childrenDieWhenStoppedAndTheirPortsAreFreeAgain() {
        LocalStack stack = infrastructure().start();
        long kafkaPid = stack.pid(Component.KAFKA);
        long mongoPid = stack.pid(Component.MONGO);
        int kafkaPort = stack.port(Component.KAFKA);

        stack.close();

        assertThat(ProcessHandle.of(kafkaPid)).isEmpty();
        assertThat(ProcessHandle.of(mongoPid)).isEmpty();
        assertThat(Ports.isFree(kafkaPort)).isTrue();
        assertThat(dataDir.resolve("logs/mongo.log")).content().contains("SIGTERM: shutting down");
    }

    @Test
    void childrenExitWhenTheLauncherIsKilledDashNine() throws Exception {
        Path output = dataDir.resolve("launcher.out");
        Process launcher = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        TangoLocal.class.getName(),
                        "--no-services",
                        "--kafka-port=0",
                        "--kafka-controller-port=0",
                        "--mongo-port=0",
                        "--data-dir=" + dataDir)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            await().atMost(PATIENCE).until(() -> Files.readString(output).contains("Press Ctrl-C to stop."));
            List<ProcessHandle> children = launcher.children().toList();
            assertThat(children).hasSize(2);

            launcher.toHandle().destroyForcibly();

            await().atMost(PATIENCE).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
            assertThat(dataDir.resolve("logs/mongo.log")).content().contains("launcher process", "is gone");
        } finally {
            launcher.destroyForcibly();
            launcher.children().forEach(ProcessHandle::destroyForcibly);
        }
    }

    private LocalStack infrastructure() {
        return LocalStack.builder()
                .dataDir(dataDir)
                .freePorts()
                .withServices(false)
                .progress(System.out::println)
                .build();
    }

    private static Admin admin(LocalStack stack) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()));
    }

    private static KafkaProducer<String, String> producer(LocalStack stack, Duration maxBlock) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafkaBootstrap(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        (int) maxBlock.toMillis()),
                new StringSerializer(),
                new StringSerializer());
    }

    private static void send(LocalStack stack, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = producer(stack, PATIENCE)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Reads the topic from the beginning with a fresh group until {@code count} records arrived. */
    private static List<String> consumeAtLeast(LocalStack stack, String topic, int count) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafkaBootstrap(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.key() + "=" + record.value()));
                return seen.size() >= count;
            });
        }
        return seen;
    }

    private static MongoCollection<Document> documents(MongoClient mongo) {
        return mongo.getDatabase("local-stack-it").getCollection("documents");
    }
}

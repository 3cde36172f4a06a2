package dev.tango.testsupport;

import dev.tango.events.Topics;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Real Apache Kafka and real MongoDB in containers, for the tests that prove the services behave the same there as
 * on the embedded default. Only used where a Docker engine runs; see {@link DockerServiceIntegrationTest}.
 */
public final class DockerInfrastructure {

    /** Pinned: the broker version Spring Boot 4.0.7 manages for the client. */
    public static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.2");

    /** Pinned: a MongoDB 8.0 patch release; the replica set is what production runs. */
    public static final DockerImageName MONGO_IMAGE = DockerImageName.parse("mongo:8.0.4");

    private static DockerInfrastructure instance;

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;

    private DockerInfrastructure() {
        kafka = new KafkaContainer(KAFKA_IMAGE).withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
    }

    public static synchronized DockerInfrastructure get() {
        if (instance == null) {
            instance = new DockerInfrastructure();
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    public String mongoUri() {
        return mongo.getReplicaSetUrl();
    }

    /** Creates topics that a test needs but whose owner is not running in this test (e.g. a consumer's input). */
    public void createTopics(Topics.TopicSpec... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Arrays.stream(topics)
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) 1))
                    .toList();
            admin.createTopics(missing).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create topics", e.getCause());
        }
    }
}

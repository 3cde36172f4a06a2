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
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Real Apache Kafka and real MongoDB in containers, one of each per test JVM, shared by every test class and every
 * Spring context (the singleton-container pattern; Testcontainers' Ryuk removes them when the JVM ends). The services
 * under test are wired to them by Spring Boot's {@link ServiceConnection @ServiceConnection}, through
 * {@link ContainerInfrastructureConfiguration}; only used under {@code -Dtango.test.infra=containers}.
 */
public final class ContainerInfrastructure implements TestInfrastructure {

    /** Pinned, the same tag as docker-compose.yml (InfrastructureModeTest checks): the broker the client is built for. */
    public static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.2");

    /** Pinned, the same tag as docker-compose.yml; a single-node replica set, as in production. */
    public static final DockerImageName MONGO_IMAGE = DockerImageName.parse("mongo:8.0.4");

    /** Topics are not auto-created, exactly as in production and on the embedded broker. */
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer(KAFKA_IMAGE)
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");

    /** MongoDBContainer starts mongod as a single-node replica set ({@code docker-rs}) and initiates it. */
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer(MONGO_IMAGE);

    private static final ContainerInfrastructure INSTANCE = new ContainerInfrastructure();

    private ContainerInfrastructure() {}

    /** Starts both containers on first use (in parallel); later calls return the same running ones. */
    public static synchronized ContainerInfrastructure get() {
        if (!KAFKA.isRunning() || !MONGO.isRunning()) {
            Startables.deepStart(KAFKA, MONGO).join();
        }
        return INSTANCE;
    }

    @Override
    public String kafkaBootstrapServers() {
        return KAFKA.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        return MONGO.getReplicaSetUrl();
    }

    @Override
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

package dev.tango.testsupport;

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
}

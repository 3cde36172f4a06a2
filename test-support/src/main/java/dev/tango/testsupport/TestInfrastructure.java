package dev.tango.testsupport;

import dev.tango.events.Topics;

/**
 * The Kafka broker and the MongoDB server that this JVM's integration tests use: the embedded ones by default, real
 * containers under {@code -Dtango.test.infra=containers} (see {@link InfrastructureMode}). Tests that talk to the
 * broker or the database themselves (probes, publishers, topics whose owner does not run in the test) go through
 * {@link #get()}, so that they reach the same servers as the service under test.
 */
public interface TestInfrastructure {

    String kafkaBootstrapServers();

    String mongoUri();

    /** Creates topics that a test needs but whose owner is not running in this test (e.g. a consumer's input). */
    void createTopics(Topics.TopicSpec... topics);

    /** The infrastructure of the current {@link InfrastructureMode}, started on first use. */
    static TestInfrastructure get() {
        return switch (InfrastructureMode.current()) {
            case EMBEDDED -> EmbeddedInfrastructure.get();
            case CONTAINERS -> ContainerInfrastructure.get();
        };
    }
}

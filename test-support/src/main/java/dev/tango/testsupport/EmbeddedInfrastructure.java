package dev.tango.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import dev.tango.embeddedmongo.SnapshotMemoryBackend;
import dev.tango.events.Topics;
import java.net.InetSocketAddress;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft) and one MongoDB-wire-protocol server per test JVM, on free ports, talked to over TCP.
 * Topics are not auto-created, exactly as in production: services must create theirs up front.
 */
public final class EmbeddedInfrastructure implements TestInfrastructure {

    private static EmbeddedInfrastructure instance;

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private final String mongoUri;

    private EmbeddedInfrastructure() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.brokerProperty("auto.create.topics.enable", "false");
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new SnapshotMemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        mongoUri = "mongodb://127.0.0.1:" + address.getPort();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-infrastructure-stop"));
    }

    /** Starts the broker and the server on first use; later calls return the same ones. */
    public static synchronized EmbeddedInfrastructure get() {
        if (instance == null) {
            instance = new EmbeddedInfrastructure();
        }
        return instance;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public String mongoUri() {
        return mongoUri;
    }

    public EmbeddedKafkaKraftBroker kafka() {
        return kafka;
    }

    /** Creates the topics not there yet: test classes of one JVM share the broker, and several may need a topic. */
    @Override
    public synchronized void createTopics(Topics.TopicSpec... topics) {
        for (Topics.TopicSpec topic : topics) {
            if (!kafka.getTopics().contains(topic.name())) {
                kafka.addTopics(
                        new org.apache.kafka.clients.admin.NewTopic(topic.name(), topic.partitions(), (short) 1));
            }
        }
    }

    private void stop() {
        mongo.shutdownNow();
        kafka.destroy();
    }
}

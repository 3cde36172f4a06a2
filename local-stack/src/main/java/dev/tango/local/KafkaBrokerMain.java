package dev.tango.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one JVM), run as a child process by
 * {@link LocalStack}.
 *
 * <p>Usage: {@code KafkaBrokerMain --dir DIR --port N --controller-port N}. {@code DIR} holds {@code cluster.id}
 * (created on first start), the {@code server.properties} written on every start, and the log dirs in {@code data/},
 * formatted on first start the way {@code kafka-storage.sh format} does.
 */
public final class KafkaBrokerMain {

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerMain.class);

    private KafkaBrokerMain() {}

    public static void main(String[] args) throws IOException {
        ParentWatchdog.install();
        Map<String, String> options = ChildArgs.parse(args, "--dir", "--port", "--controller-port");
        Path dir = Path.of(options.get("--dir")).toAbsolutePath();
        int port = Integer.parseInt(options.get("--port"));
        int controllerPort = Integer.parseInt(options.get("--controller-port"));

        Path logDir = dir.resolve("data");
        Files.createDirectories(logDir);
        String clusterId = clusterId(dir);
        Path config = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            brokerProperties(logDir, port, controllerPort)
                    .store(out, "Written by the Tango local stack on every start; edits are lost.");
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(clusterId, config);
        }
        // Blocks until the broker is shut down; its own shutdown hook handles SIGTERM.
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Map<String, String> settings = new TreeMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        // A static quorum: the voter's address comes from this file on every start, so ports may change between
        // runs on the same data (LocalStack.freePorts()).
        settings.put("controller.quorum.voters", "1@" + Ports.HOST + ":" + controllerPort);
        settings.put(
                "listeners",
                "PLAINTEXT://" + Ports.HOST + ":" + port + ",CONTROLLER://" + Ports.HOST + ":" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://" + Ports.HOST + ":" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", logDir.toString());
        // Topics are declared by the services; a typo must fail, not create a topic.
        settings.put("auto.create.topics.enable", "false");
        // One node: every replication factor and min ISR is 1.
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions than the production default of 50: quicker first group join on two cores.
        settings.put("offsets.topic.num.partitions", "5");
        settings.put("transaction.state.log.num.partitions", "5");
        // After a kill -9 the restarted broker waits for its old registration to expire (9 s by default).
        settings.put("broker.session.timeout.ms", "4000");
        settings.put("broker.heartbeat.interval.ms", "1000");
        // Consumers of a fresh group start at once instead of after 3 s.
        settings.put("group.initial.rebalance.delay.ms", "0");
        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }

    private static String clusterId(Path dir) throws IOException {
        Path file = dir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        String clusterId = Uuid.randomUuid().toString();
        Files.writeString(file, clusterId + "\n", StandardCharsets.UTF_8);
        return clusterId;
    }

    /** Same as {@code kafka-storage.sh format -t <cluster id> -c server.properties}. */
    private static void format(String clusterId, Path config) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(
                    new String[] {"format", "--cluster-id", clusterId, "--config", config.toString()}, printStream);
        }
        String printed = output.toString(StandardCharsets.UTF_8).trim();
        log.info("kafka-storage format: {}", printed);
        if (exitCode != 0) {
            throw new IllegalStateException(
                    "formatting the Kafka storage failed (exit code " + exitCode + "): " + printed);
        }
    }
}

package dev.tango.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @Test
    void namesFlagsAndVariablesAfterTheComponent() {
        assertThat(Component.SESSION_SERVICE.portFlag()).isEqualTo("--session-service-port");
        assertThat(Component.SESSION_SERVICE.portEnv()).isEqualTo("TANGO_SESSION_SERVICE_PORT");
        assertThat(Component.KAFKA.portEnv()).isEqualTo("TANGO_KAFKA_PORT");
        assertThat(Component.byDisplayName("feedback-service")).isEqualTo(Component.FEEDBACK_SERVICE);
        assertThat(Component.GATEWAY.portFlag()).isEqualTo("--gateway-port");
        assertThat(Component.GATEWAY.portEnv()).isEqualTo("TANGO_GATEWAY_PORT");
        assertThat(Component.GATEWAY.defaultPort()).isEqualTo(8080);
        assertThat(Component.SERVICES).contains(Component.GATEWAY);
        assertThat(Component.BACKEND_SERVICES).doesNotContain(Component.GATEWAY);
        assertThat(Component.SERVICES).allMatch(Component::isService);
        assertThat(Component.INFRASTRUCTURE).noneMatch(Component::isService);
    }

    @Test
    void withoutServicesRunsOnlyKafkaAndMongo() {
        LocalStack stack = LocalStack.builder()
                .dataDir(Path.of("/tmp/unused"))
                .withServices(false)
                .build();

        assertThat(stack.components()).containsExactly(Component.KAFKA, Component.MONGO);
        assertThat(stack.logFile(Component.KAFKA)).isEqualTo(Path.of("/tmp/unused/logs/kafka.log"));
    }

    @Test
    void findsTheCheckoutFromAModuleDirectory(@TempDir Path checkout) throws IOException {
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        Files.createDirectories(checkout.resolve("local-stack/src"));

        assertThat(LocalStack.defaultHome(checkout)).isEqualTo(checkout);
        assertThat(LocalStack.defaultHome(checkout.resolve("local-stack"))).isEqualTo(checkout);
        assertThat(LocalStack.defaultHome(checkout.resolve("local-stack/src"))).isEqualTo(checkout);
    }

    @Test
    void readsTheDemoUsersFromTheGatewayJar(@TempDir Path target) throws IOException {
        Path jar = target.resolve("gateway-0.1.0-SNAPSHOT-exec.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(DemoUser.RESOURCE));
            out.write(String.join(
                            "\n",
                            "# demo",
                            "program=pcc-2026",
                            "users=admin-ada, student-ana",
                            "admin-ada.name=Ada (demo admin)",
                            "admin-ada.email=ada@tango.local",
                            "admin-ada.password=demo-ada",
                            "admin-ada.role=ADMIN",
                            "student-ana.name=Ana (demo student)",
                            "student-ana.email=ana@tango.local",
                            "student-ana.password=demo-ana",
                            "student-ana.role=STUDENT")
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        List<DemoUser> users = DemoUser.readFrom(jar);

        assertThat(users)
                .containsExactly(
                        new DemoUser(
                                "admin-ada", "Ada (demo admin)", "ada@tango.local", "demo-ada", "ADMIN", "pcc-2026"),
                        new DemoUser(
                                "student-ana",
                                "Ana (demo student)",
                                "ana@tango.local",
                                "demo-ana",
                                "STUDENT",
                                "pcc-2026"));
        assertThat(TangoLocal.demoUsers(users))
                .startsWith("DEMO users (this machine only")
                .contains("ana@tango.local", "demo-ana", "STUDENT", "pcc-2026");
    }

    @Test
    void aGatewayJarWithoutDemoUsersIsAClearFailure(@TempDir Path target) throws IOException {
        Path jar = target.resolve("gateway-exec.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("BOOT-INF/classes/application.yml"));
            out.closeEntry();
        }

        assertThatThrownBy(() -> DemoUser.readFrom(jar))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("demo-users.properties");
    }

    @Test
    void knowsNoPortsBeforeStart() {
        LocalStack stack = LocalStack.builder().freePorts().build();

        assertThatThrownBy(stack::kafkaBootstrap).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stack.kill(Component.KAFKA)).hasMessageContaining("start()");
    }

    @Test
    void rejectsImpossiblePortsAndNonServices() {
        assertThatThrownBy(() -> LocalStack.builder().port(Component.KAFKA, 65536))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalStack.builder().services(List.of(Component.MONGO)))
                .hasMessageContaining("mongo is not a service");
    }

    @Test
    void formatsMemoryInMegabytesAndGigabytes() {
        long mb = 1024 * 1024;

        assertThat(Rss.format(350 * mb)).isEqualTo("350 MB");
        assertThat(Rss.format(1434 * mb)).isEqualTo("1.4 GB");
        assertThat(Rss.summary(Map.of("kafka", 350 * mb))).isEqualTo("350 MB RSS (kafka 350 MB)");
    }

    @Test
    void readsTheResidentSetSizeOfThisProcess() {
        long pid = ProcessHandle.current().pid();

        // /proc exists on Linux only; elsewhere the figure is simply unknown.
        if (Path.of("/proc/self/status").toFile().exists()) {
            assertThat(Rss.ofPid(pid).orElseThrow()).isPositive();
        } else {
            assertThat(Rss.ofPid(pid)).isEmpty();
        }
    }

    @Test
    void configuresASingleNodeBrokerThatNeverAutoCreatesTopics() {
        var properties = KafkaBrokerMain.brokerProperties(Path.of("/data/kafka/data"), 19092, 19093);

        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("log.dirs", Path.of("/data/kafka/data").toString());
    }
}

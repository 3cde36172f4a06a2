package dev.tango.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's failure paths, none of which may start a process. */
class TangoLocalTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aKafkaPortInUseIsOneClearLineAndExitCodeTwo() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();

            int exitCode = run("--kafka-port=" + port, "--no-services", "--mongo-port=0", "--kafka-controller-port=0");

            assertThat(exitCode).isEqualTo(2);
            assertThat(err())
                    .isEqualTo(
                            "tango: Port " + port + " (kafka) is already in use. Stop whatever uses it,"
                                    + " or choose another port with --kafka-port=N or TANGO_KAFKA_PORT=N (0 picks a free port).\n");
            assertThat(home.resolve(".tango")).doesNotExist();
        }
    }

    @Test
    void aServicePortInUseIsReportedBeforeAnyJarIsLookedFor() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();

            int exitCode = run(
                    "--scoring-service-port",
                    Integer.toString(port),
                    "--kafka-port=0",
                    "--kafka-controller-port=0",
                    "--mongo-port=0",
                    "--session-service-port=0",
                    "--feedback-service-port=0",
                    "--gateway-port=0");

            assertThat(exitCode).isEqualTo(2);
            assertThat(err())
                    .contains("Port " + port + " (scoring-service) is already in use")
                    .contains("--scoring-service-port=N or TANGO_SCORING_SERVICE_PORT=N")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void theControllerPortIsCheckedToo() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();

            int exitCode = run("--no-services", "--kafka-port=0", "--mongo-port=0", "--kafka-controller-port=" + port);

            assertThat(exitCode).isEqualTo(2);
            assertThat(err())
                    .contains("Port " + port + " (kafka controller) is already in use")
                    .contains("--kafka-controller-port=N or TANGO_KAFKA_CONTROLLER_PORT=N");
        }
    }

    @Test
    void aMissingServiceJarSaysWhichAndHowToBuildIt() {
        int exitCode = run(
                "--kafka-port=0",
                "--kafka-controller-port=0",
                "--mongo-port=0",
                "--session-service-port=0",
                "--scoring-service-port=0",
                "--feedback-service-port=0",
                "--gateway-port=0");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err())
                .contains("session-service is not built")
                .contains("session-service/target/session-service-<version>-exec.jar")
                .contains("./mvnw -DskipTests package")
                .contains("--home=DIR");
        assertThat(home.resolve(".tango")).doesNotExist();
    }

    @Test
    void aWrongOptionIsAUsageError() {
        assertThat(run("--kafka-port=abc")).isEqualTo(64);
        assertThat(err()).startsWith("tango: --kafka-port / TANGO_KAFKA_PORT must be a port");
    }

    @Test
    void helpListsEveryFlagAndVariable() {
        assertThat(run("--help")).isZero();

        String help = out.toString(StandardCharsets.UTF_8);
        for (Component component : Component.values()) {
            assertThat(help).contains(component.portFlag() + "=N").contains(component.portEnv());
        }
        assertThat(help)
                .contains("--kafka-controller-port=N", "TANGO_KAFKA_CONTROLLER_PORT")
                .contains("--data-dir=DIR", "TANGO_DATA_DIR")
                .contains("--home=DIR", "TANGO_HOME")
                .contains("--jvm-opts", "TANGO_JVM_OPTS")
                .contains("--no-services", "--timeout", "--no-build");
        assertThat(Files.exists(home.resolve(".tango"))).isFalse();
    }

    private int run(String... args) {
        return TangoLocal.run(
                args,
                Map.of(),
                home,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

package dev.tango.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    private static final Path CWD = Path.of("/home/dev/tango");

    @Test
    void defaultsToTheDocumentedPortsAndDotTangoInTheCheckout() {
        LaunchOptions options = parse(Map.of());

        assertThat(options.home()).isEqualTo(CWD);
        assertThat(options.dataDir()).isEqualTo(CWD.resolve(".tango"));
        assertThat(options.ports())
                .containsEntry(Component.KAFKA, 19092)
                .containsEntry(Component.MONGO, 27019)
                .containsEntry(Component.SESSION_SERVICE, 8081)
                .containsEntry(Component.SCORING_SERVICE, 8082)
                .containsEntry(Component.FEEDBACK_SERVICE, 8083)
                .containsEntry(Component.GATEWAY, 8080);
        assertThat(options.kafkaControllerPort()).isEqualTo(19093);
        assertThat(options.services()).isTrue();
        assertThat(options.jvmOptions()).isEqualTo(LocalStack.DEFAULT_JVM_OPTIONS);
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(options.help()).isFalse();
        assertThat(options.stopAfterStart()).isFalse();
    }

    @Test
    void readsEveryPortFromItsEnvironmentVariable() {
        LaunchOptions options = parse(Map.of(
                "TANGO_KAFKA_PORT", "29092",
                "TANGO_KAFKA_CONTROLLER_PORT", "29093",
                "TANGO_MONGO_PORT", "37017",
                "TANGO_SESSION_SERVICE_PORT", "9081",
                "TANGO_SCORING_SERVICE_PORT", "9082",
                "TANGO_FEEDBACK_SERVICE_PORT", "0",
                "TANGO_GATEWAY_PORT", "9080"));

        assertThat(options.ports())
                .containsEntry(Component.KAFKA, 29092)
                .containsEntry(Component.MONGO, 37017)
                .containsEntry(Component.SESSION_SERVICE, 9081)
                .containsEntry(Component.SCORING_SERVICE, 9082)
                .containsEntry(Component.FEEDBACK_SERVICE, 0)
                .containsEntry(Component.GATEWAY, 9080);
        assertThat(options.kafkaControllerPort()).isEqualTo(29093);
    }

    @Test
    void flagsWinOverEnvironmentVariablesInBothSpellings() {
        LaunchOptions options = parse(
                Map.of("TANGO_KAFKA_PORT", "29092", "TANGO_MONGO_PORT", "37017"),
                "--kafka-port=39092",
                "--mongo-port",
                "47017");

        assertThat(options.ports()).containsEntry(Component.KAFKA, 39092).containsEntry(Component.MONGO, 47017);
    }

    @Test
    void resolvesRelativeDirectoriesAgainstTheCurrentDirectory() {
        LaunchOptions options = parse(Map.of("TANGO_HOME", "checkout"), "--data-dir=../scratch/data");

        assertThat(options.home()).isEqualTo(CWD.resolve("checkout"));
        assertThat(options.dataDir()).isEqualTo(Path.of("/home/dev/scratch/data"));
    }

    @Test
    void dataDirDefaultsToDotTangoUnderTheGivenHome() {
        assertThat(parse(Map.of(), "--home=/srv/tango").dataDir()).isEqualTo(Path.of("/srv/tango/.tango"));
        assertThat(parse(Map.of("TANGO_DATA_DIR", "/var/tango")).dataDir()).isEqualTo(Path.of("/var/tango"));
    }

    @Test
    void splitsJvmOptionsOnWhitespace() {
        assertThat(parse(Map.of("TANGO_JVM_OPTS", " -Xmx512m   -XX:+UseG1GC ")).jvmOptions())
                .containsExactly("-Xmx512m", "-XX:+UseG1GC");
        assertThat(parse(Map.of(), "--jvm-opts=-Xmx128m").jvmOptions()).containsExactly("-Xmx128m");
    }

    @Test
    void readsSwitchesAndTimeout() {
        LaunchOptions options = parse(Map.of("TANGO_TIMEOUT", "30"), "--no-services", "--stop-after-start", "-h");

        assertThat(options.services()).isFalse();
        assertThat(options.stopAfterStart()).isTrue();
        assertThat(options.help()).isTrue();
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(parse(Map.of("TANGO_NO_SERVICES", "true")).services()).isFalse();
        assertThat(parse(Map.of("TANGO_NO_SERVICES", "false")).services()).isTrue();
    }

    @Test
    void rejectsAPortOutOfRangeNamingTheFlagAndVariable() {
        assertThatThrownBy(() -> parse(Map.of(), "--mongo-port=70000"))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("--mongo-port / TANGO_MONGO_PORT must be a port between 0 and 65535")
                .extracting(e -> ((LocalStackException) e).exitCode())
                .isEqualTo(LocalStackException.EXIT_USAGE);
        assertThatThrownBy(() -> parse(Map.of("TANGO_KAFKA_PORT", "kafka")))
                .hasMessageContaining("TANGO_KAFKA_PORT")
                .hasMessageContaining("'kafka'");
    }

    @Test
    void rejectsUnknownOptionsAndMissingValues() {
        assertThatThrownBy(() -> parse(Map.of(), "--kafka-prot=1"))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("unknown option '--kafka-prot=1'");
        assertThatThrownBy(() -> parse(Map.of(), "--data-dir")).hasMessageContaining("--data-dir needs a value");
        assertThatThrownBy(() -> parse(Map.of(), "--timeout=0")).hasMessageContaining("positive number of seconds");
    }

    @Test
    void startsTheGatewayWithTheServicesAndNotWithoutThem() {
        assertThat(parse(Map.of()).toBuilder().build().services())
                .containsExactly(
                        Component.SESSION_SERVICE,
                        Component.SCORING_SERVICE,
                        Component.FEEDBACK_SERVICE,
                        Component.GATEWAY);
        assertThat(parse(Map.of(), "--gateway-port=0").ports()).containsEntry(Component.GATEWAY, 0);
    }

    @Test
    void buildsAStackWithTheParsedSettings() {
        LocalStack stack = parse(Map.of(), "--no-services", "--data-dir=/tmp/x").toBuilder()
                .build();

        assertThat(stack.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(stack.components()).containsExactly(Component.KAFKA, Component.MONGO);
        assertThat(stack.services()).isEmpty();
    }

    private static LaunchOptions parse(Map<String, String> env, String... args) {
        return LaunchOptions.parse(args, env, CWD);
    }
}

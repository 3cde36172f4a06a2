package dev.tango.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** The one switch between the embedded servers and real containers, and what happens without Docker. */
class InfrastructureModeTest {

    @Test
    void embeddedUnlessTheSwitchSaysContainers() {
        assertThat(InfrastructureMode.select(null, null)).isEqualTo(InfrastructureMode.EMBEDDED);
        assertThat(InfrastructureMode.select("", " ")).isEqualTo(InfrastructureMode.EMBEDDED);
        assertThat(InfrastructureMode.select("embedded", null)).isEqualTo(InfrastructureMode.EMBEDDED);
        assertThat(InfrastructureMode.select("containers", null)).isEqualTo(InfrastructureMode.CONTAINERS);
        assertThat(InfrastructureMode.select(null, "containers")).isEqualTo(InfrastructureMode.CONTAINERS);
        assertThat(InfrastructureMode.select(" Containers ", null)).isEqualTo(InfrastructureMode.CONTAINERS);
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironment() {
        assertThat(InfrastructureMode.select("embedded", "containers")).isEqualTo(InfrastructureMode.EMBEDDED);
        assertThat(InfrastructureMode.select("containers", "embedded")).isEqualTo(InfrastructureMode.CONTAINERS);
        // -Dtango.test.infra= (empty, the pom's default) leaves the choice to the environment.
        assertThat(InfrastructureMode.select("", "containers")).isEqualTo(InfrastructureMode.CONTAINERS);
    }

    @Test
    void anUnknownValueFailsInsteadOfQuietlyRunningEmbedded() {
        assertThatThrownBy(() -> InfrastructureMode.select("docker", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'docker'")
                .hasMessageContaining("tango.test.infra")
                .hasMessageContaining("containers");
        assertThatThrownBy(() -> InfrastructureMode.select(null, "testcontainers"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TANGO_TEST_INFRA");
    }

    @Test
    void embeddedTestsRunWhetherOrNotDockerIsThere() {
        ConditionEvaluationResult result = new TestInfrastructureCondition(() -> {
                    throw new AssertionError("the embedded mode must not look for Docker");
                })
                .evaluate(InfrastructureMode.EMBEDDED);
        assertThat(result.isDisabled()).isFalse();
    }

    @Test
    void containerTestsAreSkippedWithTheReasonWhereDockerIsMissing() {
        ConditionEvaluationResult result =
                new TestInfrastructureCondition(() -> false).evaluate(InfrastructureMode.CONTAINERS);
        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason())
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("tango.test.infra=containers")
                        .contains("Docker is not available"));
    }

    @Test
    void containerTestsRunWhereDockerAnswers() {
        ConditionEvaluationResult result =
                new TestInfrastructureCondition(() -> true).evaluate(InfrastructureMode.CONTAINERS);
        assertThat(result.isDisabled()).isFalse();
        assertThat(result.getReason())
                .hasValueSatisfying(reason ->
                        assertThat(reason).contains("apache/kafka:4.1.2").contains("mongo:8.0.4"));
    }

    @Test
    void theContainersRunTheImagesDockerComposePins() throws IOException {
        String compose = Files.readString(Path.of("..", "docker-compose.yml"));
        assertThat(ContainerInfrastructure.KAFKA_IMAGE.asCanonicalNameString())
                .isEqualTo(canonical(composeImage(compose, "apache/kafka")));
        assertThat(ContainerInfrastructure.MONGO_IMAGE.asCanonicalNameString())
                .isEqualTo(canonical(composeImage(compose, "mongo")));
    }

    private static String composeImage(String compose, String repository) {
        Matcher image = Pattern.compile("(?m)^\\s+image:\\s*(" + Pattern.quote(repository) + ":\\S+)\\s*$")
                .matcher(compose);
        assertThat(image.find()).as("docker-compose.yml runs %s", repository).isTrue();
        return image.group(1);
    }

    private static String canonical(String image) {
        return org.testcontainers.utility.DockerImageName.parse(image).asCanonicalNameString();
    }
}

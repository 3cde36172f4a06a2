package dev.tango.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ManagementPrometheusTest {

    @Test
    void staysClosedUnlessAsked() {
        assertThat(ManagementPrometheus.open(new MockEnvironment().withProperty("management.server.port", "9081")))
                .isFalse();
    }

    @Test
    void opensOnASeparateManagementPort() {
        assertThat(ManagementPrometheus.open(new MockEnvironment()
                        .withProperty("server.port", "8081")
                        .withProperty("management.server.port", "9081")
                        .withProperty(ManagementPrometheus.PROPERTY, "true")))
                .isTrue();
    }

    @Test
    void refusesToOpenTheMetricsOnTheApiPort() {
        assertThatIllegalStateException()
                .isThrownBy(() -> ManagementPrometheus.open(
                        new MockEnvironment().withProperty(ManagementPrometheus.PROPERTY, "true")))
                .withMessageContaining("management.server.port");
        assertThatIllegalStateException()
                .isThrownBy(() -> ManagementPrometheus.open(new MockEnvironment()
                        .withProperty("server.port", "8081")
                        .withProperty("management.server.port", "8081")
                        .withProperty(ManagementPrometheus.PROPERTY, "true")));
    }
}

package dev.tango.gateway.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The bootstrap admin's settings are checked when the gateway starts; a weak password stops it, unrepeated. */
class BootstrapAdminPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void neitherSetMeansNoBootstrapAdmin() {
        context.withPropertyValues("tango.bootstrap-admin.email=", "tango.bootstrap-admin.password=")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started.getBean(BootstrapAdminProperties.class).configured())
                            .isFalse();
                });
    }

    @Test
    void aStrongPasswordIsAccepted() {
        context.withPropertyValues(
                        "tango.bootstrap-admin.email=root@tango.example",
                        "tango.bootstrap-admin.password=Wide-Open-Meadow-42")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    BootstrapAdminProperties properties = started.getBean(BootstrapAdminProperties.class);
                    assertThat(properties.configured()).isTrue();
                    assertThat(properties.name()).isEqualTo("Administrator");
                    assertThat(properties.toString()).doesNotContain("Wide-Open-Meadow-42");
                });
    }

    @Test
    void weakPasswordsStopTheStartWithAClearReasonThatNeverRepeatsThem() {
        assertRefused("short-pw-1", "at least 12 characters");
        assertRefused("aaaaaaaaaaaaaaaa", "at least 6 different characters");
        assertRefused("root-password-2026", "must not contain the email's name");
        assertRefused("x".repeat(40) + "Ünïcödé-ÿ-".repeat(4), "at most 72 bytes");
    }

    @Test
    void anEmailWithoutAPasswordOrTheReverseStopsTheStart() {
        context.withPropertyValues("tango.bootstrap-admin.email=root@tango.example")
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(
                                "Set both tango.bootstrap-admin.email and tango.bootstrap-admin.password"));
        context.withPropertyValues("tango.bootstrap-admin.password=Wide-Open-Meadow-42")
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("TANGO_BOOTSTRAP_ADMIN_EMAIL")
                        .hasMessageNotContaining("Wide-Open-Meadow-42"));
    }

    private void assertRefused(String password, String reason) {
        context.withPropertyValues(
                        "tango.bootstrap-admin.email=root@tango.example", "tango.bootstrap-admin.password=" + password)
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("TANGO_BOOTSTRAP_ADMIN_PASSWORD")
                        .hasMessageContaining("too weak")
                        .hasMessageContaining(reason)
                        .hasMessageNotContaining(password));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BootstrapAdminProperties.class)
    static class Bound {}
}

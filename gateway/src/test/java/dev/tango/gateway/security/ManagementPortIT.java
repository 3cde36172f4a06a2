package dev.tango.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The deployment's scrape path (docker-compose.yml): with a separate management port and
 * {@code tango.management.open-prometheus}, Prometheus reads the gateway's metrics there without a token; the other
 * actuator endpoints still want an admin, and the gateway's own port serves no actuator but health.
 */
@TestPropertySource(properties = {"management.server.port=0", "tango.management.open-prometheus=true"})
class ManagementPortIT extends GatewayIntegrationTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void servesPrometheusWithoutATokenOnTheManagementPortOnly() {
        assertThat(managementPort).isNotEqualTo(port);
        client().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        User admin = createUser("admin", Role.ADMIN);
        signIn(admin).get("/actuator/prometheus").exchange().expectStatus().isNotFound();

        WebTestClient management = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(20))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
        management.get().uri("/actuator/health").exchange().expectStatus().isOk();
        management.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        management
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("application=\"gateway\"")
                        .contains("http_server_requests_seconds_bucket{"));
    }
}

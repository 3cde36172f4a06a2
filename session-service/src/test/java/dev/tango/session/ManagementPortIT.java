package dev.tango.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.testsupport.ServiceIntegrationTest;
import dev.tango.testsupport.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The deployment's scrape path (docker-compose.yml): with a separate management port and
 * {@code tango.management.open-prometheus}, Prometheus reads the metrics there without a token; every other
 * actuator endpoint still wants an admin, and the API port serves no actuator at all.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"management.server.port=0", "tango.management.open-prometheus=true"})
class ManagementPortIT {

    @LocalServerPort
    int serverPort;

    @LocalManagementPort
    int managementPort;

    @Test
    void servesPrometheusWithoutATokenOnTheManagementPortOnly() {
        assertThat(managementPort).isNotEqualTo(serverPort);
        WebTestClient api = client(serverPort);
        api.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        api.get()
                .uri("/actuator/prometheus")
                .headers(headers -> headers.setBearerAuth(TestTokens.get().admin("admin-ada")))
                .exchange()
                .expectStatus()
                .isNotFound();

        WebTestClient management = client(managementPort);
        management
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk();
        management.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        management
                .get()
                .uri("/actuator/metrics")
                .headers(headers -> headers.setBearerAuth(TestTokens.get().mentor("mentor-marco")))
                .exchange()
                .expectStatus()
                .isForbidden();
        // The API port's answers above are in the HTTP histogram that the p99 alert reads.
        management
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("application=\"session-service\"")
                        .contains("http_server_requests_seconds_bucket{"));
    }

    private static WebTestClient client(int port) {
        // The first requests of a fresh context can be slow on a busy two-core machine; a scrape can exceed 256 KB.
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
    }
}

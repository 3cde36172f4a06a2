package dev.tango.session;

import dev.tango.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@ServiceIntegrationTest
@AutoConfigureWebTestClient
class SmokeIT {

    @Autowired
    WebTestClient web;

    @Test
    void healthAndPrometheusAndProblems() {
        // The first requests of a fresh context can be slow on a busy two-core machine.
        WebTestClient web = SessionsClient.asAdmin(
                this.web.mutate().responseTimeout(Duration.ofSeconds(30)).build());
        web.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        // service-support's Idempotency-Key support reaches the service with no code of its own.
        web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/sessions'].post.parameters[?(@.name == 'Idempotency-Key')].in")
                .isEqualTo("header");
        web.get()
                .uri("/nope")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType("application/problem+json");
    }
}

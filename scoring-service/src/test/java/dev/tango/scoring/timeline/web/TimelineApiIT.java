package dev.tango.scoring.timeline.web;

import static org.awaitility.Awaitility.await;

import dev.tango.events.SessionId;
import dev.tango.scoring.ScoringServiceIntegrationTest;
import dev.tango.testsupport.SessionStory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class TimelineApiIT extends ScoringServiceIntegrationTest {

    @Test
    void anUnknownSessionAnswers404Problem() {
        web.get()
                .uri("/api/scoring/sessions/{id}/timeline", SessionId.newId().value())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.type")
                .isEqualTo("https://tango.dev/problems/not-found");
    }

    @Test
    void aMalformedSessionIdAnswers400Problem() {
        web.get()
                .uri("/api/scoring/sessions/{id}/timeline", "-not*an*id")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400);
    }

    @Test
    void servesHealthMetricsAndItsOpenApiDocument() {
        // Health must stay UP once the service's database holds data.
        SessionStory story = SessionStory.newSession();
        publisher.publish(story.scheduled());
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> web.get()
                        .uri(
                                "/api/scoring/sessions/{id}/timeline",
                                story.sessionId().value())
                        .exchange()
                        .expectStatus()
                        .isOk());

        web.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        web.mutate()
                // The scrape outgrows the client's default 256 KB buffer once every consumer has its histograms.
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body ->
                        org.assertj.core.api.Assertions.assertThat(body).contains("application=\"scoring-service\""));
        web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/scoring/sessions/{sessionId}/timeline'].get")
                .exists()
                .jsonPath("$.components.schemas.TimelineResponse.properties.sessionId.type")
                .isEqualTo("string");
    }
}

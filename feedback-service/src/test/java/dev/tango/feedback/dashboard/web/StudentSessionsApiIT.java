package dev.tango.feedback.dashboard.web;

import static org.awaitility.Awaitility.await;

import dev.tango.events.UserId;
import dev.tango.feedback.FeedbackServiceIntegrationTest;
import dev.tango.testsupport.SessionStory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class StudentSessionsApiIT extends FeedbackServiceIntegrationTest {

    @Test
    void aStudentWithoutSessionsAnswers404Problem() {
        web.get()
                .uri("/api/feedback/students/{id}/sessions", UserId.newId().value())
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
    void aMalformedStudentIdAnswers400Problem() {
        web.get()
                .uri("/api/feedback/students/{id}/sessions", "-not*an*id")
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
                                "/api/feedback/students/{id}/sessions",
                                story.studentId().value())
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
        // The scrape outgrows the client's default 256 KB buffer once every consumer has its histograms.
        web.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body ->
                        org.assertj.core.api.Assertions.assertThat(body).contains("application=\"feedback-service\""));
        web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/feedback/students/{studentId}/sessions'].get")
                .exists()
                .jsonPath("$.components.schemas.StudentSessionsResponse.properties.studentId.type")
                .isEqualTo("string");
    }
}

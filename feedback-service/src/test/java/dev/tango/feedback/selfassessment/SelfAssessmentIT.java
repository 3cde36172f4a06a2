package dev.tango.feedback.selfassessment;

import static org.awaitility.Awaitility.await;

import dev.tango.events.Phase;
import dev.tango.events.UserId;
import dev.tango.feedback.FeedbackServiceIntegrationTest;
import dev.tango.feedback.ScoreStory;
import dev.tango.testsupport.SessionStory;
import dev.tango.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class SelfAssessmentIT extends FeedbackServiceIntegrationTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final UserId mentor = UserId.of("m-" + run);
    private final SessionStory story = SessionStory.newSession().withMentors(mentor);
    private WebTestClient student;
    private WebTestClient assignedMentor;

    @BeforeEach
    void anEndedSession() {
        publisher.publish(story.wholeSession());
        student = as(TestTokens.get().student(story.studentId().value()));
        assignedMentor = as(TestTokens.get().mentor(mentor.value()));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> student.get()
                        .uri("/api/feedback/sessions/{id}", id())
                        .exchange()
                        .expectStatus()
                        .isOk());
    }

    @Test
    void theStudentsSelfAssessmentStandsBesideThePublishedScorecardMarkerByMarker() {
        put(
                        student,
                        "{\"markers\":{\"OPENING\":[\"opening.work-together\",\"opening.what-is-important\"]},"
                                + "\"reflection\":\"I think I partnered well at the start\"}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.markers.OPENING[1]")
                .isEqualTo("opening.what-is-important")
                .jsonPath("$.agreements.length()")
                .isEqualTo(0);

        publisher.publish(new ScoreStory(story)
                .published(
                        mentor,
                        50,
                        List.of(ScoreStory.phase(
                                Phase.OPENING,
                                50,
                                List.of("opening.work-together", "opening.what-to-discuss"),
                                List.of("opening.what-is-important"),
                                Map.of())),
                        Instant.parse("2026-11-22T10:00:00Z")));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assignedMentor
                        .get()
                        .uri("/api/feedback/sessions/{id}/self-assessment", id())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.reflection")
                        .isEqualTo("I think I partnered well at the start")
                        .jsonPath("$.agreements[0].mentorId")
                        .isEqualTo(mentor.value())
                        .jsonPath("$.agreements[0].phases[0].phase")
                        .isEqualTo("OPENING")
                        .jsonPath("$.agreements[0].phases[0].both")
                        .isEqualTo(List.of("opening.work-together"))
                        .jsonPath("$.agreements[0].phases[0].onlyStudent")
                        .isEqualTo(List.of("opening.what-is-important"))
                        .jsonPath("$.agreements[0].phases[0].onlyMentor")
                        .isEqualTo(List.of("opening.what-to-discuss"))
                        .jsonPath("$.agreements[0].agreed")
                        .isEqualTo(0.33));

        // Once a scorecard names the rubric, only its markers of the phase are accepted.
        put(student, "{\"markers\":{\"OPENING\":[\"opening.made-up\"]}}")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("markers.OPENING[0]");
        student.get()
                .uri("/api/feedback/sessions/{id}/self-assessment", id())
                .exchange()
                .expectBody()
                .jsonPath("$.markers.OPENING.length()")
                .isEqualTo(2);
    }

    @Test
    void refusesBadInputAndOtherAuthors() {
        put(
                        student,
                        "{\"markers\":{\"OPENING\":[\"not an id!\",\"ok.id\",\"ok.id\"]},\"reflection\":\""
                                + "x".repeat(5_001) + "\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .isEqualTo(List.of("markers.OPENING[0]", "markers.OPENING[2]", "reflection"));
        put(student, "{\"markers\":{\"NO_SUCH_PHASE\":[]}}").expectStatus().isBadRequest();
        put(assignedMentor, "{\"markers\":{}}").expectStatus().isForbidden();
        put(as(TestTokens.get().student("other-" + run)), "{\"markers\":{}}")
                .expectStatus()
                .isNotFound();
        student.get()
                .uri("/api/feedback/sessions/{id}/self-assessment", id())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private WebTestClient.ResponseSpec put(WebTestClient client, String json) {
        return client.put()
                .uri("/api/feedback/sessions/{id}/self-assessment", id())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    private String id() {
        return story.sessionId().value();
    }
}

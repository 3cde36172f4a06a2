package dev.tango.scoring.timeline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.scoring.ScoringServiceIntegrationTest;
import dev.tango.testsupport.SessionStory;
import dev.tango.testsupport.TestTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET /api/scoring/sessions/{id}/timeline} for every kind of caller: the session's student, its assigned mentor
 * and the admins of its program see it; anyone else gets the very 404 of a session that does not exist; no token is
 * 401. The session has a program, student and mentor of its own.
 */
class TimelineAuthorizationIT extends ScoringServiceIntegrationTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final ProgramId PROGRAM = ProgramId.of("program-" + RUN);
    private static final UserId MENTOR = UserId.of("mentor-" + RUN);
    private static final SessionStory STORY =
            SessionStory.newSession().inProgram(PROGRAM).withMentors(MENTOR, UserId.of("mentor-second-" + RUN));

    @BeforeAll
    static void aScheduledAndStartedSession() {
        publisher.publish(STORY.scheduled());
        publisher.publish(STORY.started());
    }

    @BeforeEach
    void projected() {
        WebTestClient admin = as(TestTokens.get().admin("admin-" + RUN, PROGRAM.value()));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> timeline(admin, STORY.sessionId())
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("IN_PROGRESS"));
    }

    static Stream<Arguments> callers() {
        TestTokens tokens = TestTokens.get();
        String program = PROGRAM.value();
        return Stream.of(
                caller(
                        "the session's student",
                        200,
                        tokens.student(STORY.studentId().value(), program)),
                caller("another student", 404, tokens.student("student-other", program)),
                caller("an assigned mentor", 200, tokens.mentor(MENTOR.value(), program)),
                caller("a mentor not assigned", 404, tokens.mentor("mentor-other", program)),
                caller("an admin of its program", 200, tokens.admin("admin-" + RUN, program)),
                caller("an admin of another program", 404, tokens.admin("admin-other", "another-program")),
                caller(
                        "the student's id with another role",
                        404,
                        tokens.mentor(STORY.studentId().value(), program)),
                caller("no token", 401, null));
    }

    private static Arguments caller(String who, int status, String token) {
        return Arguments.of(who, status, token);
    }

    @ParameterizedTest(name = "{0} answers {1}")
    @MethodSource("callers")
    void answersEachCallerAsTheAccessRulesSay(String who, int status, String token) {
        WebTestClient client = token == null ? withoutToken() : as(token);

        WebTestClient.ResponseSpec response = timeline(client, STORY.sessionId());

        if (status == 200) {
            response.expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.sessionId")
                    .isEqualTo(STORY.sessionId().value());
            return;
        }
        Map<String, Object> problem = problem(response, status);
        if (status == 404) {
            // Word for word what a session that does not exist answers, but for the id.
            Map<String, Object> unknown = problem(timeline(client, SessionId.newId()), 404);
            assertThat(problem)
                    .containsEntry("title", unknown.get("title"))
                    .containsEntry("type", unknown.get("type"))
                    .containsEntry("detail", "Session " + STORY.sessionId() + " was not found");
        }
    }

    private static WebTestClient.ResponseSpec timeline(WebTestClient client, SessionId id) {
        return client.get()
                .uri("/api/scoring/sessions/{id}/timeline", id.value())
                .exchange();
    }

    private static Map<String, Object> problem(WebTestClient.ResponseSpec response, int status) {
        Map<String, Object> problem = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(problem).containsEntry("status", status).containsKeys("type", "title", "detail");
        return problem;
    }
}

package dev.tango.feedback.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.feedback.FeedbackServiceIntegrationTest;
import dev.tango.testsupport.SessionStory;
import dev.tango.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
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
 * {@code GET /api/feedback/students/{studentId}/sessions} for every kind of caller. One student with two sessions of
 * their own: X in program P1 mentored by M1, Y in program P2 mentored by M2. The student sees both; a mentor or an
 * admin sees only what is theirs, and with nothing theirs gets the very 404 of a student without sessions.
 */
class StudentSessionsAuthorizationIT extends FeedbackServiceIntegrationTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final UserId STUDENT = UserId.of("student-" + RUN);
    private static final String P1 = "p1-" + RUN;
    private static final String P2 = "p2-" + RUN;
    private static final String M1 = "m1-" + RUN;
    private static final String M2 = "m2-" + RUN;
    private static final SessionStory X =
            SessionStory.forStudent(STUDENT).inProgram(ProgramId.of(P1)).withMentors(UserId.of(M1));
    private static final SessionStory Y =
            SessionStory.forStudent(STUDENT).inProgram(ProgramId.of(P2)).withMentors(UserId.of(M2));

    @BeforeAll
    static void twoSessionsInTwoPrograms() {
        publisher.publish(X.scheduled());
        publisher.publish(Y.scheduled());
    }

    @BeforeEach
    void projected() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(sessionIds(as(TestTokens.get().student(STUDENT.value())), STUDENT))
                        .hasSize(2));
    }

    static Stream<Arguments> callers() {
        TestTokens tokens = TestTokens.get();
        String x = X.sessionId().value();
        String y = Y.sessionId().value();
        return Stream.of(
                caller("the student themselves", tokens.student(STUDENT.value(), P1), 200, x, y),
                caller("another student", tokens.student("student-other", P1, P2), 404),
                caller("the mentor of X", tokens.mentor(M1, P1, P2), 200, x),
                caller("the mentor of Y", tokens.mentor(M2, P1, P2), 200, y),
                caller("a mentor of neither", tokens.mentor("mentor-other", P1, P2), 404),
                caller("an admin of P1", tokens.admin("admin-p1", P1), 200, x),
                caller("an admin of P1 and P2", tokens.admin("admin-p1p2", P1, P2), 200, x, y),
                caller("an admin of another program", tokens.admin("admin-other", "another-program"), 404),
                caller(
                        "the mentor of X who also administers P2",
                        tokens.token(M1, List.of("MENTOR", "ADMIN"), List.of(P2)),
                        200,
                        x,
                        y),
                caller("the student's id without the STUDENT role", tokens.mentor(STUDENT.value(), P1, P2), 404),
                caller("no token", null, 401));
    }

    private static Arguments caller(String who, String token, int status, String... sessions) {
        return Arguments.of(who, token, status, List.of(sessions));
    }

    @ParameterizedTest(name = "{0} answers {2} {3}")
    @MethodSource("callers")
    void showsEachCallerOnlyWhatTheAccessRulesAllow(String who, String token, int status, List<String> sessions) {
        WebTestClient client = token == null ? withoutToken() : as(token);

        if (status == 200) {
            assertThat(sessionIds(client, STUDENT)).containsExactlyInAnyOrderElementsOf(sessions);
            return;
        }
        Map<String, Object> problem = problem(sessionsOf(client, STUDENT), status);
        if (status == 404) {
            // Word for word what a student without any session answers, but for the id.
            UserId nobody = UserId.newId();
            assertThat(problem(sessionsOf(client, nobody), 404))
                    .containsEntry("title", problem.get("title"))
                    .containsEntry("type", problem.get("type"))
                    .containsEntry("detail", "Student " + nobody + " was not found");
            assertThat(problem).containsEntry("detail", "Student " + STUDENT + " was not found");
        }
    }

    private static WebTestClient.ResponseSpec sessionsOf(WebTestClient client, UserId student) {
        return client.get()
                .uri("/api/feedback/students/{id}/sessions", student.value())
                .exchange();
    }

    @SuppressWarnings("unchecked")
    private static List<String> sessionIds(WebTestClient client, UserId student) {
        Map<String, Object> body = sessionsOf(client, student)
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        return ((List<Map<String, Object>>) body.get("sessions"))
                .stream().map(session -> (String) session.get("sessionId")).toList();
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

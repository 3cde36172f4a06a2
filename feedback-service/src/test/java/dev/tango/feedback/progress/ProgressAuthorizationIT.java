package dev.tango.feedback.progress;

import static org.awaitility.Awaitility.await;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.feedback.FeedbackServiceIntegrationTest;
import dev.tango.testsupport.SessionStory;
import dev.tango.testsupport.TestTokens;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who sees what: a student only their own dashboard and sessions, a mentor the sessions assigned to them, an admin
 * their programs' dashboards, sessions, metrics and export; everyone else 404 (no token 401).
 */
class ProgressAuthorizationIT extends FeedbackServiceIntegrationTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final UserId STUDENT = UserId.of("student-" + RUN);
    private static final String PROGRAM = "p-" + RUN;
    private static final String MENTOR = "m-" + RUN;
    private static final SessionStory STORY =
            SessionStory.forStudent(STUDENT).inProgram(ProgramId.of(PROGRAM)).withMentors(UserId.of(MENTOR));

    @BeforeAll
    static void oneSession() {
        publisher.publish(STORY.scheduled());
    }

    static Stream<Arguments> cases() {
        TestTokens tokens = TestTokens.get();
        String dashboard = "/api/feedback/students/" + STUDENT + "/dashboard";
        String session = "/api/feedback/sessions/" + STORY.sessionId();
        String comments = session + "/comments";
        String metrics = "/api/feedback/programs/" + PROGRAM + "/metrics";
        String export = "/api/feedback/programs/" + PROGRAM + "/export.csv";
        String student = tokens.student(STUDENT.value(), PROGRAM);
        String other = tokens.student("other-" + RUN, PROGRAM);
        String mentor = tokens.mentor(MENTOR, PROGRAM);
        String otherMentor = tokens.mentor("other-mentor-" + RUN, PROGRAM);
        String admin = tokens.admin("admin-" + RUN, PROGRAM);
        String otherAdmin = tokens.admin("other-admin-" + RUN, "other-" + PROGRAM);
        return Stream.of(
                Arguments.of("student, own dashboard", student, dashboard, 200),
                Arguments.of("student, own session", student, session, 200),
                Arguments.of("student, own comments", student, comments, 200),
                Arguments.of("another student, dashboard", other, dashboard, 404),
                Arguments.of("another student, session", other, session, 404),
                Arguments.of("another student, comments", other, comments, 404),
                Arguments.of("assigned mentor, dashboard", mentor, dashboard, 200),
                Arguments.of("assigned mentor, session", mentor, session, 200),
                Arguments.of("other mentor, dashboard", otherMentor, dashboard, 404),
                Arguments.of("other mentor, session", otherMentor, session, 404),
                Arguments.of("admin, dashboard", admin, dashboard, 200),
                Arguments.of("admin, session", admin, session, 200),
                Arguments.of("admin, metrics", admin, metrics, 200),
                Arguments.of("admin, export", admin, export, 200),
                Arguments.of("other admin, dashboard", otherAdmin, dashboard, 404),
                Arguments.of("other admin, session", otherAdmin, session, 404),
                Arguments.of("other admin, metrics", otherAdmin, metrics, 404),
                Arguments.of("other admin, export", otherAdmin, export, 404),
                Arguments.of("student, metrics", student, metrics, 404),
                Arguments.of("mentor, export", mentor, export, 404),
                Arguments.of("no token, dashboard", null, dashboard, 401));
    }

    @ParameterizedTest(name = "{0} answers {3}")
    @MethodSource("cases")
    void answersOnlyWhatTheCallerMaySee(String who, String token, String uri, int status) {
        WebTestClient client = token == null ? withoutToken() : as(token);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> as(TestTokens.get().student(STUDENT.value()))
                        .get()
                        .uri("/api/feedback/sessions/{id}", STORY.sessionId().value())
                        .exchange()
                        .expectStatus()
                        .isOk());
        WebTestClient.ResponseSpec response =
                client.get().uri(uri).exchange().expectStatus().isEqualTo(status);
        if (status == 404) {
            response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}

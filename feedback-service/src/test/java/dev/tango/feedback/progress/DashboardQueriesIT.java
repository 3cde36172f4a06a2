package dev.tango.feedback.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.UserId;
import dev.tango.feedback.FeedbackServiceIntegrationTest;
import dev.tango.feedback.MongoCommands;
import dev.tango.testsupport.SessionStory;
import dev.tango.testsupport.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A student's dashboard costs a fixed number of MongoDB round trips, all by {@code _id}: the student's session ids,
 * their insights, their comments. Neither a scan of every stored insight nor one comment read per session.
 */
class DashboardQueriesIT extends FeedbackServiceIntegrationTest {

    @Autowired
    MongoCommands commands;

    @Test
    void aDashboardReadsByIdInThreeQueriesWhateverTheStudentsHistory() {
        Reads one = dashboardReads(1);
        Reads six = dashboardReads(6);

        assertThat(six).isEqualTo(new Reads(1, 1, 0, 1));
        assertThat(one).isEqualTo(six);
    }

    /** The finds of one dashboard read of a student with this many ended sessions. */
    private Reads dashboardReads(int sessions) {
        UserId student = UserId.of("history-" + UUID.randomUUID().toString().substring(0, 8));
        List<String> sessionIds = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            SessionStory story = SessionStory.forStudent(student);
            publisher.publish(story.wholeSession());
            sessionIds.add(story.sessionId().value());
        }
        String token = TestTokens.get().student(student.value());
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> as(token)
                        .get()
                        .uri("/api/feedback/students/{id}/dashboard", student.value())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.sessions.length()")
                        .isEqualTo(sessions)
                        .jsonPath("$.sessions[?(@.status == 'ENDED')].sessionId")
                        .value(ended -> assertThat((List<?>) ended).hasSize(sessions)));

        commands.reset();
        as(token)
                .get()
                .uri("/api/feedback/students/{id}/dashboard", student.value())
                .exchange()
                .expectStatus()
                .isOk();
        return new Reads(
                commands.finds("student_insights", List.of(student.value())),
                commands.finds("session_insights", sessionIds),
                commands.finds("session_insights", List.of("studentId")),
                commands.finds("session_comments", sessionIds));
    }

    /** Finds of the student's list, of their insights by id, of insights by student (a scan), of their comments. */
    private record Reads(long studentList, long insightsById, long insightsByStudent, long comments) {}
}

package dev.tango.feedback.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.EventEnvelope;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.feedback.FeedbackServiceIntegrationTest;
import dev.tango.testsupport.SessionStory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardProjectionIT extends FeedbackServiceIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aWholeSessionPublishedOnTheTopicShowsUpOnTheStudentsDashboard() {
        SessionStory story = SessionStory.newSession();
        publisher.publish(story.wholeSession());

        awaitLastSequence(story.studentId(), 9);

        web.get()
                .uri("/api/feedback/students/{id}/sessions", story.studentId().value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.studentId")
                .isEqualTo(story.studentId().value())
                .jsonPath("$.sessions.length()")
                .isEqualTo(1)
                .jsonPath("$.sessions[0].sessionId")
                .isEqualTo(story.sessionId().value())
                .jsonPath("$.sessions[0].programId")
                .isEqualTo("pcc-2026-spring")
                .jsonPath("$.sessions[0].mode")
                .isEqualTo("LIVE")
                .jsonPath("$.sessions[0].status")
                .isEqualTo("ENDED")
                .jsonPath("$.sessions[0].scheduledFor")
                .isEqualTo("2026-11-21T14:00:00Z")
                .jsonPath("$.sessions[0].startedAt")
                .isEqualTo("2026-11-21T14:00:05Z")
                .jsonPath("$.sessions[0].endedAt")
                .isEqualTo("2026-11-21T14:45:05Z")
                .jsonPath("$.sessions[0].durationMs")
                .isEqualTo(2_700_000)
                .jsonPath("$.sessions[0].phasesVisited")
                .isEqualTo(List.of("OPENING", "EXPLORING", "MEANING_MAKING", "EXPLORING", "ACTION_PLANNING", "CLOSING"))
                .jsonPath("$.sessions[0].currentPhase")
                .isEqualTo("CLOSING")
                .jsonPath("$.sessions[0].lastSequence")
                .isEqualTo(9)
                .jsonPath("$.sessions[0].pending")
                .doesNotExist();
    }

    @Test
    void aStudentsSessionsAreListedNewestScheduledFirst() {
        UserId student = UserId.newId();
        Instant monday = Instant.parse("2026-11-23T10:00:00Z");
        SessionStory first = SessionStory.of(SessionId.newId(), student, monday);
        SessionStory second = SessionStory.of(SessionId.newId(), student, monday.plusSeconds(86_400));
        SessionStory third = SessionStory.of(SessionId.newId(), student, monday.plusSeconds(2 * 86_400));

        publisher.publish(second.scheduled());
        publisher.publish(first.scheduled());
        publisher.publish(third.scheduled());
        publisher.publish(third.cancelled("Client was unwell"));

        await().atMost(PATIENCE)
                .untilAsserted(() -> web.get()
                        .uri("/api/feedback/students/{id}/sessions", student.value())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.sessions[*].sessionId")
                        .isEqualTo(List.of(
                                third.sessionId().value(),
                                second.sessionId().value(),
                                first.sessionId().value()))
                        .jsonPath("$.sessions[0].status")
                        .isEqualTo("CANCELLED"));
    }

    @Test
    void redeliveredEventsChangeNothingAndCountAsDuplicates() {
        SessionStory story = SessionStory.newSession();
        List<EventEnvelope<?>> events = story.wholeSession();
        publisher.publish(events);
        awaitLastSequence(story.studentId(), events.size());
        String before = dashboard(story.studentId());
        double duplicates = duplicates();

        publisher.publish(events);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(duplicates() - duplicates).isGreaterThanOrEqualTo(events.size()));
        assertThat(dashboard(story.studentId())).isEqualTo(before);
    }

    @Test
    void eventsArrivingBeforeTheScheduledOneWaitAndAreThenAppliedInSequence() {
        SessionStory story = SessionStory.newSession();
        List<EventEnvelope<?>> events = story.wholeSession();
        double parked = parked();

        List<EventEnvelope<?>> latestFirst = new ArrayList<>(events.subList(1, events.size()));
        Collections.reverse(latestFirst);
        publisher.publish(latestFirst);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(parked() - parked).isGreaterThanOrEqualTo(events.size() - 1));
        web.get()
                .uri("/api/feedback/students/{id}/sessions", story.studentId().value())
                .exchange()
                .expectStatus()
                .isNotFound();

        publisher.publish(events.get(0));

        awaitLastSequence(story.studentId(), events.size());
        web.get()
                .uri("/api/feedback/students/{id}/sessions", story.studentId().value())
                .exchange()
                .expectBody()
                .jsonPath("$.sessions[0].status")
                .isEqualTo("ENDED")
                .jsonPath("$.sessions[0].phasesVisited")
                .isEqualTo(
                        List.of("OPENING", "EXPLORING", "MEANING_MAKING", "EXPLORING", "ACTION_PLANNING", "CLOSING"));
    }

    @Test
    void eventsArrivingOutOfOrderAfterTheScheduledOneWaitInTheDashboard() {
        SessionStory story = SessionStory.newSession();
        List<EventEnvelope<?>> events = story.wholeSession();
        publisher.publish(events.get(0));
        awaitLastSequence(story.studentId(), 1);

        publisher.publish(events.get(4));
        publisher.publish(events.get(3));
        publisher.publish(events.get(2));
        publisher.publish(events.get(1));

        awaitLastSequence(story.studentId(), 5);
        web.get()
                .uri("/api/feedback/students/{id}/sessions", story.studentId().value())
                .exchange()
                .expectBody()
                .jsonPath("$.sessions[0].phasesVisited")
                .isEqualTo(List.of("OPENING", "EXPLORING", "MEANING_MAKING"))
                .jsonPath("$.sessions[0].currentPhase")
                .isEqualTo("MEANING_MAKING");
    }

    private double duplicates() {
        return count("tango.events.processed", "consumer", DashboardProjector.CONSUMER, "outcome", "duplicate");
    }

    private double parked() {
        return count("tango.events.parked", "consumer", DashboardProjector.CONSUMER);
    }

    private String dashboard(UserId student) {
        return new String(web.get()
                .uri("/api/feedback/students/{id}/sessions", student.value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent());
    }

    private void awaitLastSequence(UserId student, int sequence) {
        await().atMost(PATIENCE)
                .untilAsserted(() -> web.get()
                        .uri("/api/feedback/students/{id}/sessions", student.value())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.sessions[0].lastSequence")
                        .isEqualTo(sequence));
    }
}

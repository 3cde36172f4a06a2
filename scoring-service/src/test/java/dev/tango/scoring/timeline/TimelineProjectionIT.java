package dev.tango.scoring.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.scoring.ScoringServiceIntegrationTest;
import dev.tango.testsupport.SessionStory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class TimelineProjectionIT extends ScoringServiceIntegrationTest {

    @Test
    void aWholeSessionPublishedOnTheTopicShowsUpInItsTimeline() {
        SessionStory story = SessionStory.newSession();
        publisher.publish(story.wholeSession());

        awaitStatus(story, "ENDED");

        web.get()
                .uri("/api/scoring/sessions/{id}/timeline", story.sessionId().value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sessionId")
                .isEqualTo(story.sessionId().value())
                .jsonPath("$.studentId")
                .isEqualTo(story.studentId().value())
                .jsonPath("$.programId")
                .isEqualTo("pcc-2026-spring")
                .jsonPath("$.mentorIds[0]")
                .isEqualTo("mentor-marco")
                .jsonPath("$.mode")
                .isEqualTo("LIVE")
                .jsonPath("$.phases[*].phase")
                .isEqualTo(List.of("OPENING", "EXPLORING", "MEANING_MAKING", "EXPLORING", "ACTION_PLANNING", "CLOSING"))
                .jsonPath("$.phases[0].enteredAt")
                .isEqualTo("2026-11-21T14:00:05Z")
                .jsonPath("$.timeInPhaseMs.EXPLORING")
                .isEqualTo(1_440_000)
                .jsonPath("$.timeInPhaseMs.CLOSING")
                .isEqualTo(120_000)
                .jsonPath("$.skippedPhases")
                .isEmpty()
                .jsonPath("$.durationMs")
                .isEqualTo(2_700_000)
                .jsonPath("$.lastSequence")
                .isEqualTo(9)
                .jsonPath("$.pending")
                .doesNotExist();
    }

    @Test
    void redeliveredEventsChangeNothingAndCountAsDuplicates() {
        SessionStory story = SessionStory.newSession();
        List<EventEnvelope<?>> events = story.wholeSession();
        publisher.publish(events);
        awaitStatus(story, "ENDED");
        String before = timeline(story);
        double duplicates = duplicates();

        publisher.publish(events);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(duplicates() - duplicates).isGreaterThanOrEqualTo(events.size()));
        assertThat(timeline(story)).isEqualTo(before);
    }

    @Test
    void eventsArrivingBeforeTheirPredecessorsWaitAndAreThenAppliedInSequence() {
        SessionStory story = SessionStory.newSession();
        List<EventEnvelope<?>> events = story.wholeSession();
        double parked = count("tango.events.parked", "consumer", TimelineProjector.CONSUMER);

        List<EventEnvelope<?>> latestFirst = new ArrayList<>(events.subList(2, events.size()));
        Collections.reverse(latestFirst);
        publisher.publish(latestFirst);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(count("tango.events.parked", "consumer", TimelineProjector.CONSUMER) - parked)
                                .isGreaterThanOrEqualTo(events.size() - 2));
        web.get()
                .uri("/api/scoring/sessions/{id}/timeline", story.sessionId().value())
                .exchange()
                .expectStatus()
                .isNotFound();

        publisher.publish(events.get(1));
        publisher.publish(events.get(0));

        awaitStatus(story, "ENDED");
        web.get()
                .uri("/api/scoring/sessions/{id}/timeline", story.sessionId().value())
                .exchange()
                .expectBody()
                .jsonPath("$.phases[*].phase")
                .isEqualTo(List.of(
                        Phase.OPENING.name(),
                        Phase.EXPLORING.name(),
                        Phase.MEANING_MAKING.name(),
                        Phase.EXPLORING.name(),
                        Phase.ACTION_PLANNING.name(),
                        Phase.CLOSING.name()))
                .jsonPath("$.lastSequence")
                .isEqualTo(events.size());
    }

    private double duplicates() {
        return count("tango.events.processed", "consumer", TimelineProjector.CONSUMER, "outcome", "duplicate");
    }

    private String timeline(SessionStory story) {
        return new String(web.get()
                .uri("/api/scoring/sessions/{id}/timeline", story.sessionId().value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent());
    }

    private void awaitStatus(SessionStory story, String status) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> web.get()
                        .uri(
                                "/api/scoring/sessions/{id}/timeline",
                                story.sessionId().value())
                        .exchange()
                        .expectStatus()
                        .isEqualTo(HttpStatus.OK)
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo(status));
    }
}

package dev.tango.feedback.insight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.EventEnvelope;
import dev.tango.events.EventTypes;
import dev.tango.events.GoldenSamples;
import dev.tango.events.Topics;
import dev.tango.feedback.ScoreStory;
import dev.tango.feedback.dashboard.SessionStatus;
import dev.tango.support.events.Disposition;
import dev.tango.support.events.Receipt;
import dev.tango.testsupport.GoldenStory;
import dev.tango.testsupport.SessionStory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SessionInsightTest {

    static Stream<String> scoreTypes() {
        return EventTypes.onTopic(Topics.SCORE_EVENTS).stream();
    }

    @ParameterizedTest
    @MethodSource("scoreTypes")
    void appliesEveryScoreGoldenSampleInItsTurn(String type) {
        EventEnvelope<?> golden = GoldenSamples.of(type).envelope();
        List<EventEnvelope<?>> earlier = scoreTypes()
                .<EventEnvelope<?>>map(t -> GoldenSamples.of(t).envelope())
                .filter(e -> e.sequence() < golden.sequence())
                .sorted(Comparator.comparingLong(EventEnvelope::sequence))
                .toList();
        SessionInsight insight = SessionInsight.empty(GoldenStory.COMPLETED);
        for (EventEnvelope<?> event : earlier) {
            insight = insight.receive(event).state();
        }

        Receipt<SessionInsight> receipt = insight.receive(golden);

        assertThat(receipt.handled()).containsExactly(new Receipt.Handled(golden, Disposition.APPLIED));
    }

    @Test
    void theLatestRevisionCountsAndTheFirstPublicationDatesTheFeedback() {
        SessionInsight insight = SessionInsight.empty(GoldenStory.COMPLETED);
        for (String type : EventTypes.onTopic(Topics.SCORE_EVENTS)) {
            insight = insight.receive(GoldenSamples.of(type).envelope()).state();
        }

        assertThat(insight.scorecards()).singleElement().satisfies(card -> {
            assertThat(card.revision()).isEqualTo(2);
            assertThat(card.overallScore()).isEqualTo(67);
            assertThat(card.firstPublishedAt()).isEqualTo(Instant.parse("2026-11-21T15:00:00Z"));
            assertThat(card.phase(dev.tango.events.Phase.EXPLORING)
                            .orElseThrow()
                            .antiSignals())
                    .containsEntry("anti.completes-sentences", 1);
        });
        assertThat(insight.studentId())
                .as("known from the scorecard before any session event")
                .isNotNull();
    }

    @Test
    void endsInTheSameStateWhateverTheOrderAcrossBothTopicsAndRedeliveries() {
        SessionStory story = SessionStory.newSession();
        ScoreStory scores = new ScoreStory(story);
        List<EventEnvelope<?>> events = new ArrayList<>(story.wholeSession());
        events.add(scores.observed(
                dev.tango.events.UserId.of("mentor-marco"),
                dev.tango.events.score.ObservationKind.MARKER,
                "opening.a",
                dev.tango.events.Phase.OPENING,
                1_000,
                null,
                Instant.parse("2026-11-21T15:00:00Z")));
        events.add(scores.published(
                dev.tango.events.UserId.of("mentor-marco"),
                70,
                ScoreStory.flat(70),
                Instant.parse("2026-11-22T15:00:00Z")));
        SessionInsight inOrder = receiveAll(story, events);
        Random random = new Random(7);

        for (int round = 0; round < 20; round++) {
            List<EventEnvelope<?>> shuffled = new ArrayList<>(events);
            shuffled.addAll(events.subList(0, random.nextInt(events.size())));
            Collections.shuffle(shuffled, random);

            assertThat(receiveAll(story, shuffled)).isEqualTo(inOrder);
        }
        assertThat(inOrder.status()).isEqualTo(SessionStatus.ENDED);
        assertThat(inOrder.turnaround()).isPresent();
    }

    private static SessionInsight receiveAll(SessionStory story, List<EventEnvelope<?>> events) {
        SessionInsight insight = SessionInsight.empty(story.sessionId());
        for (EventEnvelope<?> event : events) {
            insight = insight.receive(event).state();
        }
        return insight;
    }
}

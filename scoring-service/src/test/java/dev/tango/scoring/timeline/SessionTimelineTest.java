package dev.tango.scoring.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tango.events.EventEnvelope;
import dev.tango.events.EventTypes;
import dev.tango.events.GoldenSamples;
import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.UserId;
import dev.tango.events.session.TranscriptAppended;
import dev.tango.support.events.Disposition;
import dev.tango.support.events.Receipt;
import dev.tango.support.security.Caller;
import dev.tango.support.security.Role;
import dev.tango.testsupport.GoldenStory;
import dev.tango.testsupport.SessionStory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SessionTimelineTest {

    @Test
    void isVisibleToItsStudentItsMentorsAndTheAdminsOfItsProgramOnly() {
        SessionStory story = SessionStory.newSession();
        SessionTimeline timeline = receiveAll(List.of(story.scheduled()));
        ProgramId program = SessionStory.DEFAULT_PROGRAM;

        assertThat(timeline.isVisibleTo(new Caller(story.studentId(), Set.of(Role.STUDENT), Set.of())))
                .isTrue();
        assertThat(timeline.isVisibleTo(new Caller(SessionStory.DEFAULT_MENTOR, Set.of(Role.MENTOR), Set.of())))
                .isTrue();
        assertThat(timeline.isVisibleTo(new Caller(UserId.of("ada"), Set.of(Role.ADMIN), Set.of(program))))
                .isTrue();
        assertThat(timeline.isVisibleTo(new Caller(UserId.of("bo"), Set.of(Role.STUDENT), Set.of(program))))
                .isFalse();
        assertThat(timeline.isVisibleTo(new Caller(UserId.of("mia"), Set.of(Role.MENTOR), Set.of(program))))
                .isFalse();
        assertThat(timeline.isVisibleTo(
                        new Caller(UserId.of("ed"), Set.of(Role.ADMIN), Set.of(ProgramId.of("another")))))
                .isFalse();
        assertThat(SessionTimeline.unknown(story.sessionId())
                        .isVisibleTo(new Caller(UserId.of("ada"), Set.of(Role.ADMIN), Set.of(program))))
                .isFalse();
    }

    @Test
    void recordsPhasesInTheOrderEnteredAndTheTimeSpentInEachFromTheEnd() {
        SessionStory story = SessionStory.newSession();

        SessionTimeline timeline = receiveAll(story.wholeSession());

        assertThat(timeline.status()).isEqualTo(TimelineStatus.ENDED);
        assertThat(timeline.studentId()).isEqualTo(story.studentId());
        assertThat(timeline.mentorIds()).containsExactly(UserId.of("mentor-marco"));
        assertThat(timeline.mode()).isEqualTo(SessionMode.LIVE);
        assertThat(timeline.phases())
                .extracting(PhaseVisit::phase)
                .containsExactly(
                        Phase.OPENING,
                        Phase.EXPLORING,
                        Phase.MEANING_MAKING,
                        Phase.EXPLORING,
                        Phase.ACTION_PLANNING,
                        Phase.CLOSING);
        assertThat(timeline.phases().get(0).enteredAt()).isEqualTo(timeline.startedAt());
        assertThat(timeline.timeInPhaseMs())
                .isEqualTo(Map.of(
                        Phase.OPENING, 360_000L,
                        Phase.EXPLORING, 1_440_000L,
                        Phase.MEANING_MAKING, 300_000L,
                        Phase.ACTION_PLANNING, 480_000L,
                        Phase.CLOSING, 120_000L));
        assertThat(timeline.skippedPhases()).isEmpty();
        assertThat(timeline.durationMs()).isEqualTo(2_700_000L);
        assertThat(timeline.lastSequence()).isEqualTo(9);
    }

    @Test
    void keepsSkippedPhasesAndTheRecordingOffsetsOfAReviewSession() {
        SessionStory story = SessionStory.newSession();
        story.scheduled();
        story.started();
        story.phase(Phase.OPENING, Duration.ZERO);
        story.phase(Phase.CLOSING, Duration.ofMinutes(3));
        story.ended(Duration.ofMinutes(1));

        SessionTimeline timeline = receiveAll(story.events());

        assertThat(timeline.skippedPhases())
                .containsExactly(Phase.EXPLORING, Phase.MEANING_MAKING, Phase.ACTION_PLANNING);
        assertThat(timeline.timeInPhaseMs()).containsOnlyKeys(Phase.OPENING, Phase.CLOSING);
        assertThat(timeline.durationMs()).isEqualTo(240_000L);
    }

    @Test
    void movesThroughTheLifecycle() {
        SessionStory story = SessionStory.newSession();
        SessionTimeline timeline = SessionTimeline.unknown(story.sessionId());
        assertThat(timeline.isKnown()).isFalse();

        timeline = timeline.receive(story.scheduled()).state();
        assertThat(timeline.isKnown()).isTrue();
        assertThat(timeline.status()).isEqualTo(TimelineStatus.SCHEDULED);

        timeline = timeline.receive(story.started()).state();
        assertThat(timeline.status()).isEqualTo(TimelineStatus.IN_PROGRESS);
        assertThat(timeline.phases()).isEmpty();

        timeline = timeline.receive(story.phase(Phase.OPENING, Duration.ZERO)).state();
        assertThat(timeline.phases()).extracting(PhaseVisit::phase).containsExactly(Phase.OPENING);

        timeline = timeline.receive(story.cancelled("Client was unwell")).state();
        assertThat(timeline.status()).isEqualTo(TimelineStatus.CANCELLED);
        assertThat(timeline.cancelledAt()).isNotNull();
        assertThat(timeline.endedAt()).isNull();
    }

    @Test
    void redeliveredEventsChangeNothing() {
        List<EventEnvelope<?>> events = SessionStory.newSession().wholeSession();
        SessionTimeline once = receiveAll(events);

        SessionTimeline twice = once;
        for (EventEnvelope<?> event : events) {
            Receipt<SessionTimeline> receipt = twice.receive(event);
            assertThat(receipt.changed()).isFalse();
            assertThat(receipt.handled())
                    .extracting(Receipt.Handled::disposition)
                    .containsExactly(Disposition.DUPLICATE);
            twice = receipt.state();
        }

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void parksEarlyEventsAndAppliesThemInSequenceOnceTheGapIsFilled() {
        List<EventEnvelope<?>> events = SessionStory.newSession().wholeSession();
        SessionTimeline timeline = SessionTimeline.unknown(events.get(0).sessionId());

        Receipt<SessionTimeline> parked = timeline.receive(events.get(3));
        assertThat(parked.handled()).extracting(Receipt.Handled::disposition).containsExactly(Disposition.PARKED);
        assertThat(parked.changed()).isTrue();
        timeline = parked.state().receive(events.get(2)).state();
        timeline = timeline.receive(events.get(1)).state();
        assertThat(timeline.isKnown()).isFalse();
        assertThat(timeline.receive(events.get(2)).changed()).isFalse();

        Receipt<SessionTimeline> released = timeline.receive(events.get(0));

        assertThat(released.handled())
                .extracting(Receipt.Handled::event)
                .containsExactly(events.get(0), events.get(1), events.get(2), events.get(3));
        assertThat(released.handled()).extracting(Receipt.Handled::disposition).containsOnly(Disposition.APPLIED);
        assertThat(released.state().lastSequence()).isEqualTo(4);
        assertThat(released.state().inbox().pending()).isEmpty();
        assertThat(released.state().phases())
                .extracting(PhaseVisit::phase)
                .containsExactly(Phase.OPENING, Phase.EXPLORING);
    }

    @Test
    void endsInTheSameStateWhateverTheOrderOfArrivalAndHowOftenEventsAreRedelivered() {
        List<EventEnvelope<?>> events = SessionStory.newSession().wholeSession();
        SessionTimeline inOrder = receiveAll(events);
        Random random = new Random(42);

        for (int round = 0; round < 20; round++) {
            List<EventEnvelope<?>> shuffled = new ArrayList<>(events);
            shuffled.addAll(events.subList(0, random.nextInt(events.size())));
            Collections.shuffle(shuffled, random);

            assertThat(receiveAll(shuffled)).isEqualTo(inOrder);
        }
    }

    @Test
    void rejectsAnEventOfAnotherSession() {
        SessionTimeline timeline = SessionTimeline.unknown(SessionId.newId());
        EventEnvelope<?> other = SessionStory.newSession().scheduled();

        assertThatThrownBy(() -> timeline.receive(other)).isInstanceOf(IllegalArgumentException.class);
    }

    private static final String TRANSCRIPT = EventTypes.typeOf(TranscriptAppended.class);

    static Stream<String> eventTypes() {
        return GoldenStory.types().stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void appliesEveryGoldenSampleInItsTurn(String type) {
        EventEnvelope<?> golden = GoldenSamples.of(type).envelope();
        List<EventEnvelope<?>> story = Stream.concat(GoldenStory.samples().stream(), GoldenStory.gaps().stream())
                .filter(event -> event.sessionId().equals(golden.sessionId()))
                .sorted(Comparator.comparingLong(EventEnvelope::sequence))
                .toList();
        SessionTimeline timeline = receiveAll(golden.sessionId(), story.subList(0, story.indexOf(golden)));

        Receipt<SessionTimeline> receipt = timeline.receive(golden);

        // Transcripts are not this projection's business: they take their turn in the sequence and are dropped.
        Disposition expected = type.equals(TRANSCRIPT) ? Disposition.IGNORED : Disposition.APPLIED;
        assertThat(receipt.handled()).containsExactly(new Receipt.Handled(golden, expected));
    }

    @Test
    void tellsTheGoldenStoryWhateverTheOrderOfArrival() {
        List<EventEnvelope<?>> completed = Stream.concat(GoldenStory.gaps().stream(), GoldenStory.samples().stream())
                .filter(event -> event.sessionId().equals(GoldenStory.COMPLETED))
                .toList();

        SessionTimeline timeline = receiveAll(completed);

        assertThat(timeline.status()).isEqualTo(TimelineStatus.ENDED);
        assertThat(timeline.lastSequence()).isEqualTo(8);
        assertThat(timeline.phases())
                .extracting(PhaseVisit::phase)
                .containsExactly(Phase.OPENING, Phase.EXPLORING, Phase.ACTION_PLANNING, Phase.CLOSING);
        assertThat(timeline.skippedPhases()).containsExactly(Phase.MEANING_MAKING);
        assertThat(timeline.timeInPhaseMs())
                .isEqualTo(Map.of(
                        Phase.OPENING, 390_000L,
                        Phase.EXPLORING, 1_200_000L,
                        Phase.ACTION_PLANNING, 720_000L,
                        Phase.CLOSING, 390_000L));
        assertThat(timeline.durationMs()).isEqualTo(2_700_000L);
    }

    private static SessionTimeline receiveAll(List<EventEnvelope<?>> events) {
        return receiveAll(events.get(0).sessionId(), events);
    }

    private static SessionTimeline receiveAll(SessionId sessionId, List<EventEnvelope<?>> events) {
        SessionTimeline timeline = SessionTimeline.unknown(sessionId);
        for (EventEnvelope<?> event : events) {
            timeline = timeline.receive(event).state();
        }
        return timeline;
    }
}

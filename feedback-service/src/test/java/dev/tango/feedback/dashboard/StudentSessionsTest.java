package dev.tango.feedback.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StudentSessionsTest {

    private final UserId student = UserId.newId();

    @Test
    void followsASessionThroughItsLifecycle() {
        SessionStory story = SessionStory.forStudent(student);
        StudentSessions dashboard = StudentSessions.empty(student);

        dashboard = dashboard.receive(story.scheduled()).state();
        SessionSummary scheduled = dashboard.newestFirst().get(0);
        assertThat(scheduled.status()).isEqualTo(SessionStatus.SCHEDULED);
        assertThat(scheduled.programId()).isEqualTo(ProgramId.of("pcc-2026-spring"));
        assertThat(scheduled.mode()).isEqualTo(SessionMode.LIVE);
        assertThat(scheduled.scheduledFor()).isEqualTo(Instant.parse("2026-11-21T14:00:00Z"));
        assertThat(scheduled.currentPhase()).isNull();

        dashboard = dashboard.receive(story.started()).state();
        dashboard = dashboard.receive(story.phase(Phase.OPENING, Duration.ZERO)).state();
        dashboard = dashboard
                .receive(story.phase(Phase.EXPLORING, Duration.ofMinutes(5)))
                .state();
        SessionSummary running = dashboard.newestFirst().get(0);
        assertThat(running.status()).isEqualTo(SessionStatus.IN_PROGRESS);
        assertThat(running.startedAt()).isEqualTo(Instant.parse("2026-11-21T14:00:05Z"));
        assertThat(running.phasesVisited()).containsExactly(Phase.OPENING, Phase.EXPLORING);
        assertThat(running.currentPhase()).isEqualTo(Phase.EXPLORING);

        dashboard = dashboard
                .receive(story.phase(Phase.CLOSING, Duration.ofMinutes(10)))
                .state();
        dashboard = dashboard.receive(story.ended(Duration.ofMinutes(2))).state();
        SessionSummary ended = dashboard.newestFirst().get(0);
        assertThat(ended.status()).isEqualTo(SessionStatus.ENDED);
        assertThat(ended.endedAt()).isEqualTo(Instant.parse("2026-11-21T14:17:05Z"));
        assertThat(ended.durationMs()).isEqualTo(1_020_000L);
        assertThat(ended.currentPhase()).isEqualTo(Phase.CLOSING);
        assertThat(ended.lastSequence()).isEqualTo(6);
    }

    @Test
    void showsSessionsNewestScheduledFirst() {
        Instant monday = Instant.parse("2026-11-23T10:00:00Z");
        SessionStory early = SessionStory.of(dev.tango.events.SessionId.newId(), student, monday);
        SessionStory late = SessionStory.of(dev.tango.events.SessionId.newId(), student, monday.plusSeconds(86_400));
        SessionStory middle = SessionStory.of(dev.tango.events.SessionId.newId(), student, monday.plusSeconds(3_600));

        StudentSessions dashboard = StudentSessions.empty(student);
        for (SessionStory story : List.of(early, late, middle)) {
            dashboard = dashboard.receive(story.scheduled()).state();
        }

        assertThat(dashboard.newestFirst())
                .extracting(SessionSummary::sessionId)
                .containsExactly(late.sessionId(), middle.sessionId(), early.sessionId());
    }

    @Test
    void aCancelledSessionStaysOnTheDashboard() {
        SessionStory story = SessionStory.forStudent(student);
        StudentSessions dashboard = StudentSessions.empty(student)
                .receive(story.scheduled())
                .state()
                .receive(story.cancelled("Client was unwell"))
                .state();

        assertThat(dashboard.newestFirst()).singleElement().satisfies(summary -> {
            assertThat(summary.status()).isEqualTo(SessionStatus.CANCELLED);
            assertThat(summary.endedAt()).isNull();
        });
    }

    @Test
    void redeliveredEventsChangeNothing() {
        List<EventEnvelope<?>> events = SessionStory.forStudent(student).wholeSession();
        StudentSessions once = receiveAll(events);

        StudentSessions twice = once;
        for (EventEnvelope<?> event : events) {
            Receipt<StudentSessions> receipt = twice.receive(event);
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
        List<EventEnvelope<?>> events = SessionStory.forStudent(student).wholeSession();
        StudentSessions dashboard = StudentSessions.empty(student);

        dashboard = dashboard.receive(events.get(0)).state();
        Receipt<StudentSessions> parked = dashboard.receive(events.get(3));
        assertThat(parked.handled()).extracting(Receipt.Handled::disposition).containsExactly(Disposition.PARKED);
        dashboard = parked.state().receive(events.get(2)).state();
        assertThat(dashboard.newestFirst().get(0).lastSequence()).isEqualTo(1);

        Receipt<StudentSessions> released = dashboard.receive(events.get(1));

        assertThat(released.handled())
                .extracting(Receipt.Handled::event)
                .containsExactly(events.get(1), events.get(2), events.get(3));
        SessionSummary summary = released.state().newestFirst().get(0);
        assertThat(summary.lastSequence()).isEqualTo(4);
        assertThat(summary.phasesVisited()).containsExactly(Phase.OPENING, Phase.EXPLORING);
    }

    @Test
    void endsInTheSameStateWhateverTheOrderOfArrivalAndHowOftenEventsAreRedelivered() {
        List<EventEnvelope<?>> events = SessionStory.forStudent(student).wholeSession();
        StudentSessions inOrder = receiveAll(events);
        Random random = new Random(42);

        for (int round = 0; round < 20; round++) {
            List<EventEnvelope<?>> shuffled = new ArrayList<>(events);
            shuffled.addAll(events.subList(0, random.nextInt(events.size())));
            Collections.shuffle(shuffled, random);

            assertThat(receiveAll(shuffled).newestFirst()).isEqualTo(inOrder.newestFirst());
        }
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
        StudentSessions dashboard = StudentSessions.empty(GoldenStory.STUDENT);
        for (EventEnvelope<?> earlier : story.subList(0, story.indexOf(golden))) {
            dashboard = dashboard.receive(earlier).state();
        }

        Receipt<StudentSessions> receipt = dashboard.receive(golden);

        // Transcripts are not this projection's business: they take their turn in the sequence and are dropped.
        Disposition expected = type.equals(TRANSCRIPT) ? Disposition.IGNORED : Disposition.APPLIED;
        assertThat(receipt.handled()).containsExactly(new Receipt.Handled(golden, expected));
    }

    @Test
    void showsTheStudentEverythingAndOthersOnlyTheSessionsTheyMentorOrAdminister() {
        SessionStory x =
                SessionStory.forStudent(student).inProgram(ProgramId.of("p1")).withMentors(UserId.of("m1"));
        SessionStory y =
                SessionStory.forStudent(student).inProgram(ProgramId.of("p2")).withMentors(UserId.of("m2"));
        StudentSessions dashboard = receiveAll(List.of(x.scheduled(), y.scheduled()));

        assertThat(visibleTo(dashboard, new Caller(student, Set.of(Role.STUDENT), Set.of())))
                .containsExactlyInAnyOrder(x.sessionId(), y.sessionId());
        assertThat(visibleTo(dashboard, new Caller(UserId.of("m1"), Set.of(Role.MENTOR), Set.of())))
                .containsExactly(x.sessionId());
        assertThat(visibleTo(dashboard, new Caller(UserId.of("ada"), Set.of(Role.ADMIN), Set.of(ProgramId.of("p2")))))
                .containsExactly(y.sessionId());
        assertThat(visibleTo(dashboard, new Caller(UserId.of("m1"), Set.of(Role.ADMIN), Set.of(ProgramId.of("p1")))))
                .as("an admin is not a mentor for being named one")
                .containsExactly(x.sessionId());
        assertThat(visibleTo(dashboard, new Caller(UserId.of("m2"), Set.of(Role.STUDENT), Set.of(ProgramId.of("p1")))))
                .isEmpty();
        assertThat(visibleTo(dashboard, new Caller(student, Set.of(Role.MENTOR), Set.of())))
                .as("the student's id without the STUDENT role")
                .isEmpty();
    }

    private static List<SessionId> visibleTo(StudentSessions dashboard, Caller caller) {
        return dashboard.visibleTo(caller).newestFirst().stream()
                .map(SessionSummary::sessionId)
                .toList();
    }

    private StudentSessions receiveAll(List<EventEnvelope<?>> events) {
        StudentSessions dashboard = StudentSessions.empty(student);
        for (EventEnvelope<?> event : events) {
            dashboard = dashboard.receive(event).state();
        }
        return dashboard;
    }
}

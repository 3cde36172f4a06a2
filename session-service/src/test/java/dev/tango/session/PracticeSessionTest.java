package dev.tango.session;

import static dev.tango.session.SessionBuilder.T0;
import static dev.tango.session.SessionBuilder.aSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.UserId;
import dev.tango.events.session.PhaseEntered;
import dev.tango.events.session.SessionCancelled;
import dev.tango.events.session.SessionEnded;
import dev.tango.events.session.SessionEvent;
import dev.tango.events.session.SessionScheduled;
import dev.tango.events.session.SessionStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PracticeSessionTest {

    /** The moves of the partnership model, written out independently of {@link PhaseMoves}. */
    private static final Set<String> ALLOWED = Set.of(
            "OPENING->EXPLORING",
            "OPENING->MEANING_MAKING",
            "EXPLORING->MEANING_MAKING",
            "MEANING_MAKING->EXPLORING",
            "EXPLORING->ACTION_PLANNING",
            "MEANING_MAKING->ACTION_PLANNING",
            "ACTION_PLANNING->EXPLORING",
            "ACTION_PLANNING->MEANING_MAKING",
            "ACTION_PLANNING->CLOSING",
            "CLOSING->ACTION_PLANNING");

    static Stream<Arguments> everyPairOfPhases() {
        return Arrays.stream(Phase.values())
                .flatMap(from -> Arrays.stream(Phase.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfPhases")
    void allowsExactlyTheMovesOfThePartnershipModel(Phase from, Phase to) {
        SessionBuilder builder = aSession();
        PracticeSession session = builder.startedIn(from);
        long sequence = session.lastSequence();
        Instant at = builder.tick();

        if (ALLOWED.contains(from + "->" + to)) {
            List<SessionEvent> events = session.enterPhase(to, at);

            assertThat(events).containsExactly(new PhaseEntered(session.id(), to, from, at, null));
            assertThat(session.currentPhase()).isEqualTo(to);
            assertThat(session.lastSequence()).isEqualTo(sequence + 1);
            assertThat(last(session).sequence()).isEqualTo(sequence + 1);
        } else {
            List<Phase> allowed = Arrays.stream(Phase.values())
                    .filter(phase -> ALLOWED.contains(from + "->" + phase))
                    .toList();
            assertRejectedWithoutChange(session, () -> session.enterPhase(to, at), PhaseMoveNotAllowedException.class);
            assertThatThrownBy(() -> session.enterPhase(to, at))
                    .isInstanceOfSatisfying(PhaseMoveNotAllowedException.class, e -> {
                        assertThat(e.allowedMoves()).isEqualTo(allowed);
                        assertThat(e.currentPhase()).isEqualTo(from);
                        assertThat(e.requestedPhase()).isEqualTo(to);
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void reportsTheAllowedMovesOfARunningSession(Phase phase) {
        PracticeSession session = aSession().startedIn(phase);

        assertThat(session.allowedMoves())
                .containsExactlyElementsOf(Arrays.stream(Phase.values())
                        .filter(to -> ALLOWED.contains(phase + "->" + to))
                        .toList());
    }

    @Test
    void announcesASessionWithSequenceOneAndDefaultsToLiveNow() {
        PracticeSession session = PracticeSession.schedule(
                SessionId.of("s-1"),
                ProgramId.of("pcc-2026"),
                UserId.of("student-ana"),
                List.of(UserId.of("mentor-marco")),
                null,
                null,
                "  Client A ",
                " ",
                T0);

        assertThat(session.status()).isEqualTo(SessionStatus.SCHEDULED);
        assertThat(session.mode()).isEqualTo(SessionMode.LIVE);
        assertThat(session.currentPhase()).isNull();
        assertThat(session.allowedMoves()).isEmpty();
        assertThat(session.pendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.sequence()).isEqualTo(1);
            assertThat(event.source()).isEqualTo("/tango/session-service");
            assertThat(event.data())
                    .isEqualTo(new SessionScheduled(
                            SessionId.of("s-1"),
                            ProgramId.of("pcc-2026"),
                            UserId.of("student-ana"),
                            List.of(UserId.of("mentor-marco")),
                            SessionMode.LIVE,
                            T0,
                            "Client A",
                            null));
        });
    }

    @Test
    void startsInTheOpeningAnnouncingTheStartThenTheOpening() {
        SessionBuilder builder = aSession();
        PracticeSession session = builder.scheduled();
        Instant at = builder.tick();

        List<SessionEvent> events = session.start(at);

        assertThat(events)
                .containsExactly(
                        new SessionStarted(session.id(), at),
                        new PhaseEntered(session.id(), Phase.OPENING, null, at, null));
        assertThat(session.status()).isEqualTo(SessionStatus.IN_PROGRESS);
        assertThat(session.currentPhase()).isEqualTo(Phase.OPENING);
        assertThat(session.pendingEvents()).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L);
    }

    @Test
    void numbersEveryEventOfASessionOneByOneWithoutGaps() {
        SessionBuilder builder = aSession();
        PracticeSession session = builder.startedIn(Phase.CLOSING);
        session.enterPhase(Phase.ACTION_PLANNING, builder.tick());
        session.end(builder.tick());

        List<EventEnvelope<SessionEvent>> events = session.pendingEvents();
        assertThat(events)
                .extracting(EventEnvelope::sequence)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(events).extracting(EventEnvelope::id).doesNotHaveDuplicates();
        assertThat(session.lastSequence()).isEqualTo(events.size());
    }

    @Test
    void sumsTheTimeInEachPhaseOverItsVisitsAndListsThePhasesNeverEntered() {
        PracticeSession session = aSession().scheduled();
        session.start(T0);
        session.enterPhase(Phase.EXPLORING, T0.plusSeconds(60));
        session.enterPhase(Phase.MEANING_MAKING, T0.plusSeconds(180));
        session.enterPhase(Phase.EXPLORING, T0.plusSeconds(200));
        session.enterPhase(Phase.ACTION_PLANNING, T0.plusSeconds(500));

        List<SessionEvent> events = session.end(T0.plusSeconds(660));

        SessionEnded ended = (SessionEnded) events.get(0);
        assertThat(ended.timeInPhaseMs())
                .isEqualTo(Map.of(
                        Phase.OPENING, 60_000L,
                        Phase.EXPLORING, 420_000L,
                        Phase.MEANING_MAKING, 20_000L,
                        Phase.ACTION_PLANNING, 160_000L));
        assertThat(ended.skippedPhases()).containsExactly(Phase.CLOSING);
        assertThat(ended.finalPhase()).isEqualTo(Phase.ACTION_PLANNING);
        assertThat(ended.durationMs()).isEqualTo(660_000L);
        assertThat(ended.timeInPhaseMs().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(ended.durationMs());
        assertThat(ended.endedAt()).isEqualTo(T0.plusSeconds(660));
        assertThat(session.status()).isEqualTo(SessionStatus.ENDED);
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void endsFromAnyPhaseWithTimesAddingUpToTheDuration(Phase phase) {
        SessionBuilder builder = aSession();
        PracticeSession session = builder.startedIn(phase);
        Instant startedAt = session.snapshot().startedAt();
        Instant at = builder.tick();

        SessionEnded ended = (SessionEnded) session.end(at).get(0);

        assertThat(ended.finalPhase()).isEqualTo(phase);
        assertThat(ended.durationMs()).isEqualTo(Duration.between(startedAt, at).toMillis());
        assertThat(ended.timeInPhaseMs().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(ended.durationMs());
        assertThat(ended.skippedPhases())
                .doesNotContainAnyElementsOf(ended.timeInPhaseMs().keySet());
        assertThat(ended.skippedPhases().size() + ended.timeInPhaseMs().size()).isEqualTo(Phase.values().length);
    }

    @Test
    void endsASessionThatStayedInTheOpeningWithEveryOtherPhaseSkipped() {
        PracticeSession session = aSession().scheduled();
        session.start(T0);

        SessionEnded ended = (SessionEnded) session.end(T0.plusMillis(1500)).get(0);

        assertThat(ended.timeInPhaseMs()).isEqualTo(Map.of(Phase.OPENING, 1500L));
        assertThat(ended.skippedPhases())
                .containsExactly(Phase.EXPLORING, Phase.MEANING_MAKING, Phase.ACTION_PLANNING, Phase.CLOSING);
    }

    @Test
    void neverLetsAPhaseLastANegativeTimeWhenTheClockStepsBack() {
        PracticeSession session = aSession().scheduled();
        session.start(T0);
        session.enterPhase(Phase.EXPLORING, T0.minusSeconds(5));

        SessionEnded ended = (SessionEnded) session.end(T0.minusSeconds(10)).get(0);

        assertThat(ended.timeInPhaseMs())
                .allSatisfy((phase, ms) -> assertThat(ms).isNotNegative());
        assertThat(ended.durationMs()).isZero();
    }

    @Test
    void keepsMilliseconds() {
        PracticeSession session = aSession().scheduled();

        session.start(Instant.parse("2026-11-21T14:00:00.123456789Z"));

        assertThat(session.snapshot().startedAt()).isEqualTo(Instant.parse("2026-11-21T14:00:00.123Z"));
    }

    @Test
    void rejectsStartingTwice() {
        SessionBuilder builder = aSession();
        PracticeSession session = builder.startedIn(Phase.OPENING);

        assertRejectedWithoutChange(session, () -> session.start(builder.tick()), SessionStatusConflictException.class);
        assertThatThrownBy(() -> session.start(builder.tick()))
                .hasMessageContaining("is IN_PROGRESS")
                .hasMessageContaining("Only a SCHEDULED session can be started");
    }

    @Test
    void rejectsAPhaseMoveBeforeTheStart() {
        SessionBuilder builder = aSession();
        PracticeSession session = builder.scheduled();

        assertRejectedWithoutChange(
                session,
                () -> session.enterPhase(Phase.EXPLORING, builder.tick()),
                SessionStatusConflictException.class);
    }

    @Test
    void rejectsEndingASessionThatHasNotStarted() {
        SessionBuilder builder = aSession();
        PracticeSession session = builder.scheduled();

        assertRejectedWithoutChange(session, () -> session.end(builder.tick()), SessionStatusConflictException.class);
    }

    @Test
    void rejectsEveryChangeOnceEnded() {
        SessionBuilder builder = aSession();
        PracticeSession session = builder.ended();

        eachChange(
                builder,
                change -> assertRejectedWithoutChange(
                        session, () -> change.accept(session), SessionStatusConflictException.class));
    }

    @Test
    void rejectsEveryChangeOnceCancelled() {
        SessionBuilder builder = aSession();
        PracticeSession session = builder.cancelled();

        eachChange(
                builder,
                change -> assertRejectedWithoutChange(
                        session, () -> change.accept(session), SessionStatusConflictException.class));
    }

    @Test
    void cancelsAScheduledSession() {
        SessionBuilder builder = aSession();
        PracticeSession session = builder.scheduled();
        Instant at = builder.tick();

        List<SessionEvent> events = session.cancel("Client was unwell", at);

        assertThat(events).containsExactly(new SessionCancelled(session.id(), at, "Client was unwell"));
        assertThat(session.status()).isEqualTo(SessionStatus.CANCELLED);
        assertThat(session.snapshot().cancelReason()).isEqualTo("Client was unwell");
        assertThat(last(session).sequence()).isEqualTo(2);
    }

    @Test
    void cancelsARunningSessionKeepingItsPhases() {
        SessionBuilder builder = aSession();
        PracticeSession session = builder.startedIn(Phase.MEANING_MAKING);

        session.cancel("Connection lost", builder.tick());

        assertThat(session.status()).isEqualTo(SessionStatus.CANCELLED);
        assertThat(session.currentPhase()).isEqualTo(Phase.MEANING_MAKING);
        assertThat(session.allowedMoves()).isEmpty();
    }

    @Test
    void rejectsACancellationWithoutAReasonOrWithAnOverlongOne() {
        SessionBuilder builder = aSession();
        PracticeSession session = builder.scheduled();

        for (String reason : new String[] {null, "", "   ", "x".repeat(501)}) {
            assertRejectedWithoutChange(
                    session, () -> session.cancel(reason, builder.tick()), InvalidSessionInputException.class);
        }
        session.cancel("x".repeat(500), builder.tick());
        assertThat(session.status()).isEqualTo(SessionStatus.CANCELLED);
    }

    @Test
    void rejectsAnOffsetForALiveSession() {
        SessionBuilder builder = aSession();
        PracticeSession session = builder.startedIn(Phase.OPENING);

        assertRejectedWithoutChange(
                session,
                () -> session.enterPhase(Phase.EXPLORING, 1000L, builder.tick()),
                InvalidSessionInputException.class);
        assertThatThrownBy(() -> session.enterPhase(Phase.EXPLORING, 1000L, builder.tick()))
                .isInstanceOfSatisfying(
                        InvalidSessionInputException.class,
                        e -> assertThat(e.field()).isEqualTo("offsetMs"));
    }

    @Test
    void recordsNonDecreasingOffsetsForAReviewSession() {
        SessionBuilder builder = aSession().review();
        PracticeSession session = builder.startedIn(Phase.OPENING);

        session.enterPhase(Phase.EXPLORING, 60_000L, builder.tick());
        session.enterPhase(Phase.MEANING_MAKING, null, builder.tick());
        session.enterPhase(Phase.EXPLORING, 60_000L, builder.tick());

        assertThat(session.phases()).extracting(PhaseVisit::offsetMs).containsExactly(null, 60_000L, null, 60_000L);
        assertThat(((PhaseEntered) last(session).data()).offsetMs()).isEqualTo(60_000L);
        assertRejectedWithoutChange(
                session,
                () -> session.enterPhase(Phase.ACTION_PLANNING, 59_999L, builder.tick()),
                InvalidSessionInputException.class);
    }

    @Test
    void rejectsNoMentorTooManyMentorsOrTheSameMentorTwice() {
        List<List<UserId>> invalid = List.of(
                List.of(),
                IntStream.rangeClosed(1, 11).mapToObj(i -> UserId.of("m-" + i)).toList(),
                List.of(UserId.of("m-1"), UserId.of("m-1")));

        invalid.forEach(mentors -> assertThatThrownBy(() -> PracticeSession.schedule(
                        SessionId.of("s-1"),
                        ProgramId.of("p"),
                        UserId.of("u"),
                        mentors,
                        SessionMode.LIVE,
                        T0,
                        null,
                        null,
                        T0))
                .isInstanceOfSatisfying(
                        InvalidSessionInputException.class,
                        e -> assertThat(e.field()).isEqualTo("mentorIds")));
    }

    @Test
    void rejectsASessionScheduledMoreThanAYearAwayFromNow() {
        for (Instant when : List.of(T0.plus(Duration.ofDays(367)), T0.minus(Duration.ofDays(367)))) {
            assertThatThrownBy(() -> PracticeSession.schedule(
                            SessionId.of("s-1"),
                            ProgramId.of("p"),
                            UserId.of("u"),
                            List.of(UserId.of("m")),
                            SessionMode.LIVE,
                            when,
                            null,
                            null,
                            T0))
                    .isInstanceOfSatisfying(
                            InvalidSessionInputException.class,
                            e -> assertThat(e.field()).isEqualTo("scheduledFor"));
        }
    }

    @Test
    void comesBackFromItsSnapshotWithTheSameStateAndNoPendingEvents() {
        PracticeSession session = aSession().startedIn(Phase.ACTION_PLANNING);

        PracticeSession restored = PracticeSession.restore(session.snapshot());

        assertThat(restored.snapshot()).isEqualTo(session.snapshot());
        assertThat(restored.pendingEvents()).isEmpty();
        assertThat(restored.allowedMoves()).isEqualTo(session.allowedMoves());
    }

    private static void eachChange(SessionBuilder builder, Consumer<Consumer<PracticeSession>> check) {
        check.accept(session -> session.start(builder.tick()));
        check.accept(session -> session.enterPhase(Phase.EXPLORING, builder.tick()));
        check.accept(session -> session.end(builder.tick()));
        check.accept(session -> session.cancel("again", builder.tick()));
    }

    private static void assertRejectedWithoutChange(
            PracticeSession session, ThrowingCallable change, Class<? extends RuntimeException> rejection) {
        PracticeSession.Snapshot before = session.snapshot();
        List<EventEnvelope<SessionEvent>> pendingBefore = session.pendingEvents();

        assertThatThrownBy(change).isInstanceOf(rejection);

        assertThat(session.snapshot()).isEqualTo(before);
        assertThat(session.pendingEvents()).isEqualTo(pendingBefore);
    }

    private static EventEnvelope<SessionEvent> last(PracticeSession session) {
        List<EventEnvelope<SessionEvent>> events = session.pendingEvents();
        return events.get(events.size() - 1);
    }
}

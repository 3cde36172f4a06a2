package dev.tango.session;

import static dev.tango.session.SessionBuilder.aSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tango.events.Phase;
import dev.tango.events.Speaker;
import dev.tango.events.session.SessionEvent;
import dev.tango.events.session.TranscriptAppended;
import dev.tango.events.session.TranscriptAppended.Origin;
import dev.tango.events.session.TranscriptSegment;
import dev.tango.session.InvalidSessionInputException.Violation;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SessionTranscriptTest {

    private final SessionBuilder builder = aSession();

    @Test
    void appendsSegmentsWithConsecutiveIndexesAndAnnouncesThem() {
        PracticeSession session = builder.startedIn(Phase.EXPLORING);
        long before = session.lastSequence();

        session.appendTranscript(
                List.of(coach("Hello", 0, 1_000), client("Hi", 1_000, 2_500)), Origin.APPENDED, builder.tick());
        List<SessionEvent> second =
                session.appendTranscript(List.of(coach("Shall we?", 2_500, 4_000)), Origin.APPENDED, builder.tick());

        assertThat(second).singleElement().isInstanceOfSatisfying(TranscriptAppended.class, event -> {
            assertThat(event.firstIndex()).isEqualTo(2);
            assertThat(event.origin()).isEqualTo(Origin.APPENDED);
            assertThat(event.segments())
                    .containsExactly(new TranscriptSegment(2, Speaker.COACH, "Shall we?", 2_500, 4_000));
        });
        assertThat(session.pendingSegments())
                .extracting(TranscriptSegment::index)
                .containsExactly(0, 1, 2);
        assertThat(session.transcript()).isEqualTo(new TranscriptSummary(3, 16, 2_500L, 4_000L));
        assertThat(session.lastSequence()).isEqualTo(before + 2);
    }

    @Test
    void acceptsSegmentsAfterTheSessionEnded() {
        PracticeSession session = builder.ended();

        session.appendTranscript(List.of(coach("Afterwards", 0, 10)), Origin.IMPORTED, builder.tick());

        assertThat(session.transcript().segments()).isEqualTo(1);
    }

    @Test
    void refusesSegmentsBeforeTheStartAndAfterACancellation() {
        for (PracticeSession session : List.of(builder.scheduled(), builder.cancelled())) {
            long sequence = session.lastSequence();
            assertThatThrownBy(() -> session.appendTranscript(
                            List.of(coach("Too early", 0, 1)), Origin.APPENDED, builder.tick()))
                    .isInstanceOf(SessionStatusConflictException.class);
            assertThat(session.transcript()).isEqualTo(TranscriptSummary.EMPTY);
            assertThat(session.lastSequence()).isEqualTo(sequence);
        }
    }

    @Test
    void listsEveryBrokenRuleOfABatchAndAddsNothing() {
        PracticeSession session = builder.startedIn(Phase.OPENING);
        session.appendTranscript(List.of(coach("First", 5_000, 6_000)), Origin.APPENDED, builder.tick());
        long sequence = session.lastSequence();

        assertThatThrownBy(() -> session.appendTranscript(
                        List.of(
                                coach("Starts before the stored one", 4_000, 4_500),
                                new SegmentDraft(null, " ", 7_000, 6_000),
                                coach("x".repeat(TranscriptLimits.CHARACTERS_PER_SEGMENT + 1), 8_000, 9_000),
                                coach("Beyond a day", 9_000, TranscriptLimits.MAX_OFFSET_MS + 1)),
                        Origin.APPENDED,
                        builder.tick()))
                .isInstanceOfSatisfying(
                        InvalidSessionInputException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly(
                                        "segments[0].startMs",
                                        "segments[1].speaker",
                                        "segments[1].text",
                                        "segments[1].endMs",
                                        "segments[2].text",
                                        "segments[3].endMs"));
        assertThat(session.transcript().segments()).isEqualTo(1);
        assertThat(session.pendingSegments()).hasSize(1);
        assertThat(session.lastSequence()).isEqualTo(sequence);
    }

    @Test
    void boundsABatchButNotAnImportWhichIsBoundedByTheSession() {
        List<SegmentDraft> batch = IntStream.range(0, TranscriptLimits.SEGMENTS_PER_BATCH + 1)
                .mapToObj(i -> coach("Turn " + i, i * 1_000L, i * 1_000L + 500))
                .toList();

        PracticeSession appending = builder.startedIn(Phase.OPENING);
        assertThatThrownBy(() -> appending.appendTranscript(batch, Origin.APPENDED, builder.tick()))
                .isInstanceOfSatisfying(
                        InvalidSessionInputException.class,
                        e -> assertThat(e.field()).isEqualTo("segments"));

        PracticeSession importing = builder.startedIn(Phase.OPENING);
        List<SessionEvent> events = importing.appendTranscript(batch, Origin.IMPORTED, builder.tick());
        assertThat(events)
                .map(event -> ((TranscriptAppended) event).segments().size())
                .containsExactly(TranscriptLimits.SEGMENTS_PER_EVENT, 1);
        assertThat(events)
                .map(event -> ((TranscriptAppended) event).firstIndex())
                .containsExactly(0, 200);
    }

    @Test
    void boundsTheWholeTranscriptOfASession() {
        PracticeSession session = builder.startedIn(Phase.OPENING);
        String text = "y".repeat(TranscriptLimits.CHARACTERS_PER_SEGMENT);
        int fits = TranscriptLimits.CHARACTERS_PER_SESSION / TranscriptLimits.CHARACTERS_PER_SEGMENT;
        session.appendTranscript(
                IntStream.range(0, fits).mapToObj(i -> coach(text, i, i)).toList(), Origin.IMPORTED, builder.tick());

        assertThatThrownBy(() ->
                        session.appendTranscript(List.of(coach("z", fits, fits)), Origin.APPENDED, builder.tick()))
                .isInstanceOfSatisfying(
                        InvalidSessionInputException.class,
                        e -> assertThat(e.getMessage()).contains("at most " + TranscriptLimits.CHARACTERS_PER_SESSION));
        assertThat(session.transcript().characters()).isEqualTo(TranscriptLimits.CHARACTERS_PER_SESSION);
    }

    @Test
    void keepsTheGoalAndClientLabelTrimmedAndBounded() {
        PracticeSession session = builder.scheduled();
        assertThat(session.snapshot().goal()).isEqualTo("Say no to extra projects");
        assertThat(session.snapshot().clientLabel()).isEqualTo("Client A");

        assertThatThrownBy(() -> PracticeSession.schedule(
                        session.id(),
                        session.snapshot().programId(),
                        session.snapshot().studentId(),
                        session.snapshot().mentorIds(),
                        null,
                        null,
                        "c".repeat(PracticeSession.MAX_CLIENT_LABEL_LENGTH + 1),
                        "g".repeat(PracticeSession.MAX_GOAL_LENGTH),
                        SessionBuilder.T0))
                .isInstanceOfSatisfying(
                        InvalidSessionInputException.class,
                        e -> assertThat(e.field()).isEqualTo("clientLabel"));
    }

    private static SegmentDraft coach(String text, long startMs, long endMs) {
        return new SegmentDraft(Speaker.COACH, text, startMs, endMs);
    }

    private static SegmentDraft client(String text, long startMs, long endMs) {
        return new SegmentDraft(Speaker.CLIENT, text, startMs, endMs);
    }
}

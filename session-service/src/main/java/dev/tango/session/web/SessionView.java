package dev.tango.session.web;

import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.UserId;
import dev.tango.session.PhaseVisit;
import dev.tango.session.PracticeSession;
import dev.tango.session.SessionStatus;
import dev.tango.session.TranscriptSummary;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

@Schema(description = "A practice session")
record SessionView(
        @Schema(implementation = String.class) SessionId id,
        @Schema(implementation = String.class) ProgramId programId,
        @Schema(implementation = String.class) UserId studentId,

        @ArraySchema(schema = @Schema(implementation = String.class))
        List<UserId> mentorIds,

        SessionMode mode,
        SessionStatus status,

        @Schema(description = "how the client is called in this session; null if not given")
        String clientLabel,

        @Schema(description = "the client's goal for the session; null if not given")
        String goal,

        @Schema(description = "null before the session started")
        Phase currentPhase,

        @Schema(description = "the phases the session may move to now; empty unless IN_PROGRESS")
        List<Phase> allowedMoves,

        Instant scheduledFor,
        Instant startedAt,
        Instant endedAt,
        Instant cancelledAt,
        String cancelReason,

        @Schema(description = "every phase entered, in order")
        List<PhaseView> phases,

        @Schema(description = "how much transcript the session has; the segments are read from /transcript")
        TranscriptSummaryView transcript,

        @Schema(description = "increases with every change") long version) {

    static SessionView of(PracticeSession session) {
        PracticeSession.Snapshot state = session.snapshot();
        return new SessionView(
                state.id(),
                state.programId(),
                state.studentId(),
                state.mentorIds(),
                state.mode(),
                state.status(),
                state.clientLabel(),
                state.goal(),
                state.currentPhase(),
                session.allowedMoves(),
                state.scheduledFor(),
                state.startedAt(),
                state.endedAt(),
                state.cancelledAt(),
                state.cancelReason(),
                state.phases().stream().map(PhaseView::of).toList(),
                TranscriptSummaryView.of(state.transcript()),
                state.version() == null ? 0 : state.version());
    }

    @Schema(description = "How much transcript a session has")
    record TranscriptSummaryView(
            int segments,
            int characters,

            @Schema(description = "where the last segment ends, in ms; null without segments")
            Long lastEndMs) {

        static TranscriptSummaryView of(TranscriptSummary summary) {
            return new TranscriptSummaryView(summary.segments(), summary.characters(), summary.lastEndMs());
        }
    }

    @Schema(description = "One phase entered")
    record PhaseView(Phase phase, Instant enteredAt, Long offsetMs) {

        static PhaseView of(PhaseVisit visit) {
            return new PhaseView(visit.phase(), visit.enteredAt(), visit.offsetMs());
        }
    }
}

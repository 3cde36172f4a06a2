package dev.tango.session.web;

import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.UserId;
import dev.tango.session.PhaseVisit;
import dev.tango.session.PracticeSession;
import dev.tango.session.SessionStatus;
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
                state.currentPhase(),
                session.allowedMoves(),
                state.scheduledFor(),
                state.startedAt(),
                state.endedAt(),
                state.cancelledAt(),
                state.cancelReason(),
                state.phases().stream().map(PhaseView::of).toList(),
                state.version() == null ? 0 : state.version());
    }

    @Schema(description = "One phase entered")
    record PhaseView(Phase phase, Instant enteredAt, Long offsetMs) {

        static PhaseView of(PhaseVisit visit) {
            return new PhaseView(visit.phase(), visit.enteredAt(), visit.offsetMs());
        }
    }
}

package dev.tango.session.web;

import dev.tango.events.ProgramId;
import dev.tango.events.SessionMode;
import dev.tango.events.UserId;
import dev.tango.session.PracticeSession;
import dev.tango.session.ScheduleSession;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

@Schema(description = "A session to put on the schedule")
record CreateSessionRequest(
        @Schema(
                implementation = String.class,
                requiredMode = Schema.RequiredMode.REQUIRED,
                pattern = SessionApi.ID_PATTERN,
                maxLength = 64,
                example = "pcc-2026")
        @NotNull
        ProgramId programId,

        @Schema(
                implementation = String.class,
                requiredMode = Schema.RequiredMode.REQUIRED,
                pattern = SessionApi.ID_PATTERN,
                maxLength = 64,
                example = "student-ana")
        @NotNull
        UserId studentId,

        @ArraySchema(
                schema =
                        @Schema(
                                implementation = String.class,
                                pattern = SessionApi.ID_PATTERN,
                                maxLength = 64,
                                example = "mentor-marco"),
                minItems = 1,
                maxItems = PracticeSession.MAX_MENTORS,
                uniqueItems = true)
        @NotNull
        @Size(min = 1, max = PracticeSession.MAX_MENTORS)
        List<@NotNull UserId> mentorIds,

        @Schema(description = "LIVE (marked as it happens, the default) or REVIEW (from a recording)")
        SessionMode mode,

        @Schema(
                description = "ISO-8601 instant, within a year of now; now by default",
                example = "2026-11-21T14:00:00Z")
        Instant scheduledFor,

        @Schema(
                description = "How the client is called in this session, e.g. \"Client A\"; never personal data",
                maxLength = PracticeSession.MAX_CLIENT_LABEL_LENGTH,
                example = "Client A")
        @Size(max = PracticeSession.MAX_CLIENT_LABEL_LENGTH)
        String clientLabel,

        @Schema(
                description = "The client's goal for the session",
                maxLength = PracticeSession.MAX_GOAL_LENGTH,
                example = "Find a way to say no to extra projects")
        @Size(max = PracticeSession.MAX_GOAL_LENGTH)
        String goal) {

    ScheduleSession toCommand() {
        return new ScheduleSession(programId, studentId, mentorIds, mode, scheduledFor, clientLabel, goal);
    }
}

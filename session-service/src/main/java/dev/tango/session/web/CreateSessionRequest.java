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
        Instant scheduledFor) {

    ScheduleSession toCommand() {
        return new ScheduleSession(programId, studentId, mentorIds, mode, scheduledFor);
    }
}

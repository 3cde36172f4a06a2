package dev.tango.session;

import dev.tango.events.ProgramId;
import dev.tango.events.SessionMode;
import dev.tango.events.UserId;
import java.time.Instant;
import java.util.List;

/**
 * What it takes to put a session on the schedule.
 *
 * @param mode LIVE when not given
 * @param scheduledFor now when not given
 * @param clientLabel optional, never personal data
 * @param goal optional: the client's goal for the session
 */
public record ScheduleSession(
        ProgramId programId,
        UserId studentId,
        List<UserId> mentorIds,
        SessionMode mode,
        Instant scheduledFor,
        String clientLabel,
        String goal) {}

package dev.tango.events.session;

import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A practice session was put on the schedule, with its student coach and assigned mentors.
 *
 * @param clientLabel how the client is called in this session, never personal data; may be {@code null}
 * @param goal the client's goal for the session; may be {@code null}
 */
public record SessionScheduled(
        SessionId sessionId,
        ProgramId programId,
        UserId studentId,
        List<UserId> mentorIds,
        SessionMode mode,
        Instant scheduledFor,
        String clientLabel,
        String goal)
        implements SessionEvent {

    public SessionScheduled {
        mentorIds = List.copyOf(mentorIds);
    }
}

package dev.tango.feedback.dashboard;

import dev.tango.events.EventEnvelope;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.support.events.Disposition;
import dev.tango.support.events.Receipt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which student a session belongs to. Only {@code SessionScheduled} names the student, so events of a session that
 * arrive before it (a replay from the middle, or a scheduled event that went to the dead-letter topic) are parked here
 * until it does.
 *
 * @param studentId {@code null} until the session's scheduled event arrived
 * @param pending events parked while the student is unknown, by sequence
 * @param version the version of the stored state this was read from, {@code null} if never stored
 */
public record SessionRoute(SessionId sessionId, UserId studentId, List<EventEnvelope<?>> pending, Long version) {

    public SessionRoute {
        Objects.requireNonNull(sessionId, "sessionId");
        pending = pending.stream()
                .sorted(Comparator.comparingLong(EventEnvelope::sequence))
                .toList();
    }

    public static SessionRoute unrouted(SessionId sessionId) {
        return new SessionRoute(sessionId, null, List.of(), null);
    }

    public boolean isRouted() {
        return studentId != null;
    }

    /** Keeps an event until the student is known; an event already parked is a duplicate. */
    public Receipt<SessionRoute> park(EventEnvelope<?> event) {
        if (isRouted()) {
            throw new IllegalStateException("Session " + sessionId + " is routed; its events go to the dashboard");
        }
        if (pending.stream().anyMatch(parked -> parked.sequence() == event.sequence())) {
            return new Receipt<>(this, List.of(new Receipt.Handled(event, Disposition.DUPLICATE)));
        }
        List<EventEnvelope<?>> parked = new ArrayList<>(pending);
        parked.add(event);
        return new Receipt<>(
                new SessionRoute(sessionId, null, parked, version),
                List.of(new Receipt.Handled(event, Disposition.PARKED)));
    }

    /** The route once the student is known; parked events have been handed to the student's dashboard. */
    public SessionRoute routedTo(UserId student) {
        return new SessionRoute(sessionId, Objects.requireNonNull(student, "student"), List.of(), version);
    }
}

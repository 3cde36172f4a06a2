package dev.tango.feedback.dashboard;

import dev.tango.events.EventEnvelope;
import dev.tango.events.UserId;
import dev.tango.support.events.Receipt;
import dev.tango.support.security.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A student's dashboard: every session of theirs, each with where it stands. One aggregate (and one stored document)
 * per student, so the dashboard is read by id.
 *
 * @param sessions in the order they were first seen; {@link #newestFirst()} is the order to show
 * @param version the version of the stored state this was read from, {@code null} if never stored
 */
public record StudentSessions(UserId studentId, List<SessionSummary> sessions, Long version) {

    private static final Comparator<SessionSummary> NEWEST_SCHEDULED_FIRST = Comparator.comparing(
                    SessionSummary::scheduledFor, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(summary -> summary.sessionId().value());

    public StudentSessions {
        Objects.requireNonNull(studentId, "studentId");
        sessions = List.copyOf(sessions);
    }

    public static StudentSessions empty(UserId studentId) {
        return new StudentSessions(studentId, List.of(), null);
    }

    /** The sessions to show: those with at least one event applied, newest scheduled first. */
    public List<SessionSummary> newestFirst() {
        return sessions.stream()
                .filter(SessionSummary::isKnown)
                .sorted(NEWEST_SCHEDULED_FIRST)
                .toList();
    }

    /**
     * The part of this dashboard a caller may see: all of it for the student themselves; for anyone else only the
     * sessions they mentor or whose program they administer. Empty for anyone else, who is then told the dashboard
     * does not exist.
     */
    public StudentSessions visibleTo(Caller caller) {
        if (caller.isStudent(studentId)) {
            return this;
        }
        return new StudentSessions(
                studentId,
                sessions.stream()
                        .filter(summary ->
                                caller.isMentorAmong(summary.mentorIds()) || caller.administers(summary.programId()))
                        .toList(),
                version);
    }

    /** Hands an event to the session it belongs to, adding that session if it is new to this student. */
    public Receipt<StudentSessions> receive(EventEnvelope<?> event) {
        List<SessionSummary> updated = new ArrayList<>(sessions);
        int index = indexOf(event);
        SessionSummary summary = index < 0 ? SessionSummary.unknown(event.sessionId()) : sessions.get(index);
        Receipt<SessionSummary> receipt = summary.receive(event);
        if (!receipt.changed()) {
            return new Receipt<>(this, receipt.handled());
        }
        if (index < 0) {
            updated.add(receipt.state());
        } else {
            updated.set(index, receipt.state());
        }
        return new Receipt<>(new StudentSessions(studentId, updated, version), receipt.handled());
    }

    private int indexOf(EventEnvelope<?> event) {
        for (int i = 0; i < sessions.size(); i++) {
            if (sessions.get(i).sessionId().equals(event.sessionId())) {
                return i;
            }
        }
        return -1;
    }
}

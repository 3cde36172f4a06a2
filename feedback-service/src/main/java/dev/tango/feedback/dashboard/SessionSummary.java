package dev.tango.feedback.dashboard;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.TangoEvent;
import dev.tango.events.UserId;
import dev.tango.events.session.PhaseEntered;
import dev.tango.events.session.SessionCancelled;
import dev.tango.events.session.SessionEnded;
import dev.tango.events.session.SessionScheduled;
import dev.tango.events.session.SessionStarted;
import dev.tango.support.events.Disposition;
import dev.tango.support.events.Receipt;
import dev.tango.support.events.SessionInbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One session as a student's dashboard shows it. It changes only by {@link #receive receiving} the session's events,
 * strictly in sequence order.
 *
 * @param mentorIds the mentors assigned to the session; empty until it was scheduled
 * @param phasesVisited phases in the order they were entered; a phase entered twice appears twice
 * @param currentPhase the phase the session is in, or ended in; {@code null} before the first phase
 * @param durationMs from start to end; {@code null} until the session ended
 * @param inbox the last applied sequence and the events waiting for an earlier one
 */
public record SessionSummary(
        SessionId sessionId,
        ProgramId programId,
        List<UserId> mentorIds,
        SessionMode mode,
        SessionStatus status,
        Instant scheduledFor,
        Instant startedAt,
        Instant endedAt,
        Long durationMs,
        List<Phase> phasesVisited,
        Phase currentPhase,
        SessionInbox inbox) {

    public SessionSummary {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(inbox, "inbox");
        mentorIds = mentorIds == null ? List.of() : List.copyOf(mentorIds);
        phasesVisited = List.copyOf(phasesVisited);
    }

    /** A session no event has been applied to yet. */
    public static SessionSummary unknown(SessionId sessionId) {
        return new SessionSummary(
                sessionId, null, List.of(), null, null, null, null, null, null, List.of(), null, SessionInbox.empty());
    }

    /** Whether at least one event has been applied; until then the session is not shown. */
    public boolean isKnown() {
        return inbox.lastSequence() > 0;
    }

    public long lastSequence() {
        return inbox.lastSequence();
    }

    /** Takes one of this session's events: applies it (and any parked ones it unblocks), parks it, or drops it. */
    public Receipt<SessionSummary> receive(EventEnvelope<?> event) {
        if (!sessionId.equals(event.sessionId())) {
            throw new IllegalArgumentException(
                    "Event " + event.id() + " belongs to session " + event.sessionId() + ", not " + sessionId);
        }
        SessionInbox.Delivery delivery = inbox.accept(event);
        return switch (delivery.kind()) {
            case DUPLICATE -> new Receipt<>(this, List.of(new Receipt.Handled(event, Disposition.DUPLICATE)));
            case PARKED ->
                new Receipt<>(withInbox(delivery.inbox()), List.of(new Receipt.Handled(event, Disposition.PARKED)));
            case READY -> applyAll(delivery);
        };
    }

    private Receipt<SessionSummary> applyAll(SessionInbox.Delivery delivery) {
        SessionSummary summary = this;
        List<Receipt.Handled> handled = new ArrayList<>();
        for (EventEnvelope<?> ready : delivery.ready()) {
            SessionSummary next = summary.apply(ready.data());
            handled.add(new Receipt.Handled(ready, next == summary ? Disposition.IGNORED : Disposition.APPLIED));
            summary = next;
        }
        return new Receipt<>(summary.withInbox(delivery.inbox()), handled);
    }

    // Events of other types on the session topic still take their place in the sequence; they are just not kept.
    private SessionSummary apply(TangoEvent data) {
        if (data instanceof SessionScheduled scheduled) {
            return new SessionSummary(
                    sessionId,
                    scheduled.programId(),
                    scheduled.mentorIds(),
                    scheduled.mode(),
                    SessionStatus.SCHEDULED,
                    scheduled.scheduledFor(),
                    startedAt,
                    endedAt,
                    durationMs,
                    phasesVisited,
                    currentPhase,
                    inbox);
        }
        if (data instanceof SessionStarted started) {
            return new SessionSummary(
                    sessionId,
                    programId,
                    mentorIds,
                    mode,
                    SessionStatus.IN_PROGRESS,
                    scheduledFor,
                    started.startedAt(),
                    endedAt,
                    durationMs,
                    phasesVisited,
                    currentPhase,
                    inbox);
        }
        if (data instanceof PhaseEntered entered) {
            List<Phase> visited = new ArrayList<>(phasesVisited);
            visited.add(entered.phase());
            return new SessionSummary(
                    sessionId,
                    programId,
                    mentorIds,
                    mode,
                    status == null || status == SessionStatus.SCHEDULED ? SessionStatus.IN_PROGRESS : status,
                    scheduledFor,
                    startedAt,
                    endedAt,
                    durationMs,
                    visited,
                    entered.phase(),
                    inbox);
        }
        if (data instanceof SessionEnded ended) {
            return new SessionSummary(
                    sessionId,
                    programId,
                    mentorIds,
                    mode,
                    SessionStatus.ENDED,
                    scheduledFor,
                    startedAt,
                    ended.endedAt(),
                    ended.durationMs(),
                    phasesVisited,
                    ended.finalPhase(),
                    inbox);
        }
        if (data instanceof SessionCancelled) {
            return new SessionSummary(
                    sessionId,
                    programId,
                    mentorIds,
                    mode,
                    SessionStatus.CANCELLED,
                    scheduledFor,
                    startedAt,
                    endedAt,
                    durationMs,
                    phasesVisited,
                    currentPhase,
                    inbox);
        }
        return this;
    }

    private SessionSummary withInbox(SessionInbox next) {
        return new SessionSummary(
                sessionId,
                programId,
                mentorIds,
                mode,
                status,
                scheduledFor,
                startedAt,
                endedAt,
                durationMs,
                phasesVisited,
                currentPhase,
                next);
    }
}

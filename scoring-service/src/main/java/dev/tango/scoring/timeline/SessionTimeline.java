package dev.tango.scoring.timeline;

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
import dev.tango.support.security.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The phases one session went through and the time spent in each. It changes only by {@link #receive receiving} the
 * session's events, which it applies strictly in sequence order, so redelivered events change nothing and early ones
 * wait for their turn.
 *
 * <p>Fields other than the id stay {@code null} (or empty) until the event that carries them has been applied.
 *
 * @param timeInPhaseMs time per phase entered, summed over visits, as reported when the session ended
 * @param skippedPhases phases never entered, as reported when the session ended
 * @param durationMs from start to end, as reported when the session ended
 * @param inbox the last applied sequence and the events waiting for an earlier one
 * @param version the version of the stored state this was read from, {@code null} if never stored
 */
public record SessionTimeline(
        SessionId sessionId,
        ProgramId programId,
        UserId studentId,
        List<UserId> mentorIds,
        SessionMode mode,
        TimelineStatus status,
        Instant scheduledFor,
        Instant startedAt,
        Instant endedAt,
        Instant cancelledAt,
        List<PhaseVisit> phases,
        Map<Phase, Long> timeInPhaseMs,
        List<Phase> skippedPhases,
        Long durationMs,
        SessionInbox inbox,
        Long version) {

    public SessionTimeline {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(inbox, "inbox");
        mentorIds = List.copyOf(mentorIds);
        phases = List.copyOf(phases);
        timeInPhaseMs = Map.copyOf(timeInPhaseMs);
        skippedPhases = List.copyOf(skippedPhases);
    }

    /** A session no event has been applied to yet. */
    public static SessionTimeline unknown(SessionId sessionId) {
        return new SessionTimeline(
                sessionId,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                Map.of(),
                List.of(),
                null,
                SessionInbox.empty(),
                null);
    }

    /** Whether at least one event has been applied; until then the session is not shown. */
    public boolean isKnown() {
        return inbox.lastSequence() > 0;
    }

    public long lastSequence() {
        return inbox.lastSequence();
    }

    /**
     * Who may see this timeline: the session's student, its assigned mentors and the admins of its program. Anyone
     * else is told it does not exist.
     */
    public boolean isVisibleTo(Caller caller) {
        return caller.isStudent(studentId) || caller.isMentorAmong(mentorIds) || caller.administers(programId);
    }

    /** Takes one of this session's events: applies it (and any parked ones it unblocks), parks it, or drops it. */
    public Receipt<SessionTimeline> receive(EventEnvelope<?> event) {
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

    private Receipt<SessionTimeline> applyAll(SessionInbox.Delivery delivery) {
        SessionTimeline timeline = this;
        List<Receipt.Handled> handled = new ArrayList<>();
        for (EventEnvelope<?> ready : delivery.ready()) {
            SessionTimeline next = timeline.apply(ready.data());
            handled.add(new Receipt.Handled(ready, next == timeline ? Disposition.IGNORED : Disposition.APPLIED));
            timeline = next;
        }
        return new Receipt<>(timeline.withInbox(delivery.inbox()), handled);
    }

    // Events of other types on the session topic still take their place in the sequence; they are just not kept.
    private SessionTimeline apply(TangoEvent data) {
        if (data instanceof SessionScheduled scheduled) {
            return scheduled(scheduled);
        }
        if (data instanceof SessionStarted started) {
            return started(started);
        }
        if (data instanceof PhaseEntered entered) {
            return phaseEntered(entered);
        }
        if (data instanceof SessionEnded ended) {
            return ended(ended);
        }
        if (data instanceof SessionCancelled cancelled) {
            return cancelled(cancelled);
        }
        return this;
    }

    private SessionTimeline scheduled(SessionScheduled event) {
        Draft draft = new Draft(this);
        draft.programId = event.programId();
        draft.studentId = event.studentId();
        draft.mentorIds = event.mentorIds();
        draft.mode = event.mode();
        draft.status = TimelineStatus.SCHEDULED;
        draft.scheduledFor = event.scheduledFor();
        return draft.build();
    }

    private SessionTimeline started(SessionStarted event) {
        Draft draft = new Draft(this);
        draft.status = TimelineStatus.IN_PROGRESS;
        draft.startedAt = event.startedAt();
        return draft.build();
    }

    private SessionTimeline phaseEntered(PhaseEntered event) {
        Draft draft = new Draft(this);
        List<PhaseVisit> visited = new ArrayList<>(phases);
        visited.add(new PhaseVisit(event.phase(), event.enteredAt(), event.offsetMs()));
        draft.phases = visited;
        if (status == null || status == TimelineStatus.SCHEDULED) {
            draft.status = TimelineStatus.IN_PROGRESS;
        }
        return draft.build();
    }

    private SessionTimeline ended(SessionEnded event) {
        Draft draft = new Draft(this);
        draft.status = TimelineStatus.ENDED;
        draft.endedAt = event.endedAt();
        draft.timeInPhaseMs = event.timeInPhaseMs();
        draft.skippedPhases = event.skippedPhases();
        draft.durationMs = event.durationMs();
        return draft.build();
    }

    private SessionTimeline cancelled(SessionCancelled event) {
        Draft draft = new Draft(this);
        draft.status = TimelineStatus.CANCELLED;
        draft.cancelledAt = event.cancelledAt();
        return draft.build();
    }

    private SessionTimeline withInbox(SessionInbox next) {
        Draft draft = new Draft(this);
        draft.inbox = next;
        return draft.build();
    }

    /** A working copy, so that each event handler names only the fields it changes. */
    private static final class Draft {
        private final SessionId sessionId;
        private ProgramId programId;
        private UserId studentId;
        private List<UserId> mentorIds;
        private SessionMode mode;
        private TimelineStatus status;
        private Instant scheduledFor;
        private Instant startedAt;
        private Instant endedAt;
        private Instant cancelledAt;
        private List<PhaseVisit> phases;
        private Map<Phase, Long> timeInPhaseMs;
        private List<Phase> skippedPhases;
        private Long durationMs;
        private SessionInbox inbox;
        private final Long version;

        private Draft(SessionTimeline timeline) {
            sessionId = timeline.sessionId;
            programId = timeline.programId;
            studentId = timeline.studentId;
            mentorIds = timeline.mentorIds;
            mode = timeline.mode;
            status = timeline.status;
            scheduledFor = timeline.scheduledFor;
            startedAt = timeline.startedAt;
            endedAt = timeline.endedAt;
            cancelledAt = timeline.cancelledAt;
            phases = timeline.phases;
            timeInPhaseMs = timeline.timeInPhaseMs;
            skippedPhases = timeline.skippedPhases;
            durationMs = timeline.durationMs;
            inbox = timeline.inbox;
            version = timeline.version;
        }

        private SessionTimeline build() {
            return new SessionTimeline(
                    sessionId,
                    programId,
                    studentId,
                    mentorIds,
                    mode,
                    status,
                    scheduledFor,
                    startedAt,
                    endedAt,
                    cancelledAt,
                    phases,
                    timeInPhaseMs,
                    skippedPhases,
                    durationMs,
                    inbox,
                    version);
        }
    }
}

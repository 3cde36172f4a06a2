package dev.tango.testsupport;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.UserId;
import dev.tango.events.session.PhaseEntered;
import dev.tango.events.session.SessionCancelled;
import dev.tango.events.session.SessionEnded;
import dev.tango.events.session.SessionEvent;
import dev.tango.events.session.SessionScheduled;
import dev.tango.events.session.SessionStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Test data: the events one session publishes, told as a story, with sequences 1, 2, 3… and the per-phase times that
 * session-service would compute. Each call returns the new event and remembers it in {@link #events()}.
 */
public final class SessionStory {

    public static final String SOURCE = "/tango/session-service";

    /** The program of a story unless {@link #inProgram} says otherwise. */
    public static final ProgramId DEFAULT_PROGRAM = ProgramId.of("pcc-2026-spring");

    /** The one mentor of a story unless {@link #withMentors} says otherwise. */
    public static final UserId DEFAULT_MENTOR = UserId.of("mentor-marco");

    private final SessionId sessionId;
    private final UserId studentId;
    private final Instant scheduledFor;
    private ProgramId programId = DEFAULT_PROGRAM;
    private List<UserId> mentorIds = List.of(DEFAULT_MENTOR);
    private final List<EventEnvelope<?>> events = new ArrayList<>();
    private Instant now;
    private Phase currentPhase;
    private Instant phaseSince;
    private Instant startedAt;
    private final Map<Phase, Long> timeInPhaseMs = new EnumMap<>(Phase.class);

    private SessionStory(SessionId sessionId, UserId studentId, Instant scheduledFor) {
        this.sessionId = sessionId;
        this.studentId = studentId;
        this.scheduledFor = scheduledFor;
        this.now = scheduledFor.minus(Duration.ofDays(1));
    }

    /** A new session with fresh ids, so that tests sharing one database never see each other's data. */
    public static SessionStory newSession() {
        return forStudent(UserId.newId());
    }

    public static SessionStory forStudent(UserId studentId) {
        return of(SessionId.newId(), studentId, Instant.parse("2026-11-21T14:00:00Z"));
    }

    public static SessionStory of(SessionId sessionId, UserId studentId, Instant scheduledFor) {
        return new SessionStory(sessionId, studentId, scheduledFor);
    }

    /** Schedules the session in another program; call before {@link #scheduled()}. */
    public SessionStory inProgram(ProgramId program) {
        this.programId = program;
        return this;
    }

    /** Assigns other mentors; call before {@link #scheduled()}. */
    public SessionStory withMentors(UserId... mentors) {
        this.mentorIds = List.of(mentors);
        return this;
    }

    public SessionId sessionId() {
        return sessionId;
    }

    public UserId studentId() {
        return studentId;
    }

    public ProgramId programId() {
        return programId;
    }

    public List<UserId> mentorIds() {
        return mentorIds;
    }

    public List<EventEnvelope<?>> events() {
        return List.copyOf(events);
    }

    public EventEnvelope<?> scheduled() {
        return record(new SessionScheduled(
                sessionId, programId, studentId, mentorIds, SessionMode.LIVE, scheduledFor, null, null));
    }

    public EventEnvelope<?> started() {
        now = scheduledFor.plusSeconds(5);
        startedAt = now;
        return record(new SessionStarted(sessionId, now));
    }

    /** Moves to a phase after the given time in the current one. */
    public EventEnvelope<?> phase(Phase phase, Duration after) {
        if (currentPhase != null) {
            now = now.plus(after);
            timeInPhaseMs.merge(currentPhase, Duration.between(phaseSince, now).toMillis(), Long::sum);
        }
        Phase previous = currentPhase;
        currentPhase = phase;
        phaseSince = now;
        return record(new PhaseEntered(sessionId, phase, previous, now, null));
    }

    /** Ends after the given time in the current phase. */
    public EventEnvelope<?> ended(Duration after) {
        now = now.plus(after);
        timeInPhaseMs.merge(currentPhase, Duration.between(phaseSince, now).toMillis(), Long::sum);
        List<Phase> skipped = Arrays.stream(Phase.values())
                .filter(p -> !timeInPhaseMs.containsKey(p))
                .toList();
        return record(new SessionEnded(
                sessionId,
                now,
                currentPhase,
                timeInPhaseMs,
                skipped,
                Duration.between(startedAt, now).toMillis()));
    }

    public EventEnvelope<?> cancelled(String reason) {
        now = now.plusSeconds(60);
        return record(new SessionCancelled(sessionId, now, reason));
    }

    /**
     * A whole live session: scheduled, started, OPENING 6 min, EXPLORING 20 min, MEANING_MAKING 5 min, back to
     * EXPLORING 4 min, ACTION_PLANNING 8 min, CLOSING 2 min, ended.
     */
    public List<EventEnvelope<?>> wholeSession() {
        scheduled();
        started();
        phase(Phase.OPENING, Duration.ZERO);
        phase(Phase.EXPLORING, Duration.ofMinutes(6));
        phase(Phase.MEANING_MAKING, Duration.ofMinutes(20));
        phase(Phase.EXPLORING, Duration.ofMinutes(5));
        phase(Phase.ACTION_PLANNING, Duration.ofMinutes(4));
        phase(Phase.CLOSING, Duration.ofMinutes(8));
        ended(Duration.ofMinutes(2));
        return events();
    }

    private EventEnvelope<?> record(SessionEvent data) {
        EventEnvelope<?> event = EventEnvelope.of(SOURCE, now, events.size() + 1, data);
        events.add(event);
        return event;
    }
}

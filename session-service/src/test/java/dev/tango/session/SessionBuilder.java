package dev.tango.session;

import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test sessions built only through the domain's own methods, on a clock that moves a minute per step. */
final class SessionBuilder {

    static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");

    /** A legal way from the start (OPENING) into each phase. */
    private static final Map<Phase, List<Phase>> PATHS = Map.of(
            Phase.OPENING, List.of(),
            Phase.EXPLORING, List.of(Phase.EXPLORING),
            Phase.MEANING_MAKING, List.of(Phase.MEANING_MAKING),
            Phase.ACTION_PLANNING, List.of(Phase.EXPLORING, Phase.ACTION_PLANNING),
            Phase.CLOSING, List.of(Phase.EXPLORING, Phase.ACTION_PLANNING, Phase.CLOSING));

    private SessionMode mode = SessionMode.LIVE;
    private Instant now = T0;

    static SessionBuilder aSession() {
        return new SessionBuilder();
    }

    SessionBuilder review() {
        mode = SessionMode.REVIEW;
        return this;
    }

    /** The time of the next step: every call moves the clock a minute on. */
    Instant tick() {
        now = now.plus(Duration.ofMinutes(1));
        return now;
    }

    PracticeSession scheduled() {
        return PracticeSession.schedule(
                SessionId.of("s-1"),
                ProgramId.of("pcc-2026"),
                UserId.of("student-ana"),
                List.of(UserId.of("mentor-marco")),
                mode,
                T0.plus(Duration.ofHours(1)),
                "Client A",
                "Say no to extra projects",
                now);
    }

    PracticeSession startedIn(Phase phase) {
        PracticeSession session = scheduled();
        session.start(tick());
        PATHS.get(phase).forEach(step -> session.enterPhase(step, tick()));
        return session;
    }

    PracticeSession ended() {
        PracticeSession session = startedIn(Phase.EXPLORING);
        session.end(tick());
        return session;
    }

    PracticeSession cancelled() {
        PracticeSession session = scheduled();
        session.cancel("Client was unwell", tick());
        return session;
    }
}

package dev.tango.scoring.scorecard;

import dev.tango.scoring.timeline.SessionTimeline;
import dev.tango.support.security.Caller;

/**
 * Who may do what with observations and scorecards. Only the session's assigned mentors record, retract and publish;
 * each sees their own draft. The session's student, its mentors and its program's admins read the published
 * scorecards; students never see a draft. Whoever may not see the session is told it does not exist.
 */
public final class ScoringAccess {

    private ScoringAccess() {}

    public static boolean maySee(Caller caller, SessionTimeline session) {
        return session.isKnown() && session.isVisibleTo(caller);
    }

    public static boolean mayScore(Caller caller, SessionTimeline session) {
        return caller.isMentorAmong(session.mentorIds());
    }

    /** Admins of the program see every mentor's observations, for calibration; a mentor sees their own. */
    public static boolean maySeeAllObservations(Caller caller, SessionTimeline session) {
        return caller.administers(session.programId());
    }
}

package dev.tango.session;

import dev.tango.events.ProgramId;
import dev.tango.support.security.Caller;
import dev.tango.support.security.Role;
import java.util.Set;

/**
 * Who may do what with sessions. An admin manages the sessions of their programs; the student of a session and its
 * assigned mentors see it and run it (start, move phases, end); only a mentor or an admin may call it off. Whoever may
 * not see a session is told it does not exist.
 */
public final class SessionAccess {

    private SessionAccess() {}

    /** Only an admin of the program puts a session of it on the schedule. */
    public static boolean maySchedule(Caller caller, ProgramId program) {
        return caller.administers(program);
    }

    public static boolean maySee(Caller caller, PracticeSession session) {
        PracticeSession.Snapshot state = session.snapshot();
        return caller.isStudent(state.studentId())
                || caller.isMentorAmong(state.mentorIds())
                || caller.administers(state.programId());
    }

    /** Start, phase moves and end: whoever takes part in the session, or an admin of its program. */
    public static boolean mayRun(Caller caller, PracticeSession session) {
        return maySee(caller, session);
    }

    /** Calling a session off is for its mentors and the program's admins, not for the student. */
    public static boolean mayCancel(Caller caller, PracticeSession session) {
        PracticeSession.Snapshot state = session.snapshot();
        return caller.isMentorAmong(state.mentorIds()) || caller.administers(state.programId());
    }

    /** Transcripts are added and imported by the session's mentors and the program's admins, not by the student. */
    public static boolean mayEditTranscript(Caller caller, PracticeSession session) {
        return mayCancel(caller, session);
    }

    /** The sessions a caller may list: their own as a student, assigned ones as a mentor, their programs' as admin. */
    public static SessionScope scopeOf(Caller caller) {
        return new SessionScope(
                caller.hasRole(Role.STUDENT) ? caller.id() : null,
                caller.hasRole(Role.MENTOR) ? caller.id() : null,
                caller.hasRole(Role.ADMIN) ? caller.programs() : Set.of());
    }
}

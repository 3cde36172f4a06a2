package dev.tango.scoring.rubric;

import dev.tango.events.ProgramId;
import dev.tango.support.security.Caller;
import dev.tango.support.security.Role;
import java.util.Set;

/**
 * Who may do what with rubrics. Anyone signed in may read a published version (scorecards name it); a draft only the
 * admins of the program that owns it. Only those admins change their program's rubrics and choose the rubric their
 * program uses; the built-in rubric belongs to no program and never changes.
 */
final class RubricAccess {

    private RubricAccess() {}

    static boolean maySee(Caller caller, Rubric rubric) {
        return rubric.isPublished() || caller.administers(rubric.program());
    }

    static boolean mayChange(Caller caller, Rubric rubric) {
        return !rubric.isBuiltIn() && caller.administers(rubric.program());
    }

    /** Create rubrics for the program, and choose the rubric it uses. */
    static boolean mayManage(Caller caller, ProgramId program) {
        return caller.administers(program);
    }

    /** Which rubric a program uses: anyone who belongs to the program. */
    static boolean maySeeChoiceOf(Caller caller, ProgramId program) {
        return caller.programs().contains(program);
    }

    /** The programs whose rubrics the caller lists besides the built-in ones. */
    static Set<ProgramId> administered(Caller caller) {
        return caller.hasRole(Role.ADMIN) ? caller.programs() : Set.of();
    }
}

package dev.tango.session;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import java.util.Set;

/**
 * The sessions a caller may see, as a query can express it: those of a student, or assigned to a mentor, or in one of
 * some programs (any of these).
 *
 * @param student the student whose sessions are visible, or {@code null}
 * @param mentor the mentor whose assigned sessions are visible, or {@code null}
 * @param programs the programs whose sessions are all visible
 */
public record SessionScope(UserId student, UserId mentor, Set<ProgramId> programs) {

    public SessionScope {
        programs = Set.copyOf(programs);
    }

    /** Whether no session at all is visible. */
    public boolean isEmpty() {
        return student == null && mentor == null && programs.isEmpty();
    }
}

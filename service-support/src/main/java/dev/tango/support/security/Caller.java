package dev.tango.support.security;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of an API request, taken from the verified JWT: the subject, its roles and the programs it
 * belongs to. Controllers take it as a parameter and hand it to the domain, which decides what the caller may see and
 * do. A plain value: no framework type in it, so domain packages may use it.
 */
public record Caller(UserId id, Set<Role> roles, Set<ProgramId> programs) {

    public Caller {
        Objects.requireNonNull(id, "id");
        roles = Set.copyOf(roles);
        programs = Set.copyOf(programs);
    }

    public static Caller of(String id, Set<Role> roles, Set<ProgramId> programs) {
        return new Caller(UserId.of(id), roles, programs);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** The student named: the caller holds the STUDENT role and is that user. */
    public boolean isStudent(UserId student) {
        return hasRole(Role.STUDENT) && id.equals(student);
    }

    /** One of the mentors named: the caller holds the MENTOR role and is among them. */
    public boolean isMentorAmong(Collection<UserId> mentors) {
        return hasRole(Role.MENTOR) && mentors != null && mentors.contains(id);
    }

    /** An admin manages the programs they belong to, and only those. */
    public boolean administers(ProgramId program) {
        return hasRole(Role.ADMIN) && program != null && programs.contains(program);
    }
}

package dev.tango.gateway.user;

import dev.tango.events.ProgramId;
import java.util.Collections;
import java.util.Set;

/**
 * What a caller may administer (users and API tokens). A <b>platform admin</b> (roles ADMIN and
 * {@link Role#PLATFORM_ADMIN}) administers everything. An ADMIN administers their programs:
 *
 * <ul>
 *   <li>sees the users who share at least one program with them;
 *   <li>manages (changes, deactivates, issues personal tokens for) the users all of whose programs, and at least one,
 *       are among theirs, platform admins excepted: a user also in another program is visible but not theirs to
 *       change, and a user in no program is the platform admins' alone;
 *   <li>grants only their own programs and never PLATFORM_ADMIN;
 *   <li>issues and revokes client tokens for a non-empty subset of their programs.
 * </ul>
 *
 * <p>Anyone else administers nothing. Never implicit: an ADMIN with no programs administers nothing.
 */
public record AdminScope(boolean platform, Set<ProgramId> programs) {

    private static final AdminScope NOTHING = new AdminScope(false, Set.of());
    private static final AdminScope EVERYTHING = new AdminScope(true, Set.of());

    public AdminScope {
        programs = Set.copyOf(programs);
    }

    /** The scope of a caller with these roles and programs. */
    public static AdminScope of(Set<Role> roles, Set<ProgramId> programs) {
        if (!roles.contains(Role.ADMIN)) {
            return NOTHING;
        }
        return roles.contains(Role.PLATFORM_ADMIN) ? EVERYTHING : new AdminScope(false, programs);
    }

    /** The platform's own scope: startup code (the bootstrap admin, the demo users) and platform admins. */
    public static AdminScope everything() {
        return EVERYTHING;
    }

    /** Whether the user is listed and readable: they share a program with the admin. */
    public boolean sees(User user) {
        return platform || !Collections.disjoint(programs, user.programs());
    }

    /** Whether the user may be changed, deactivated or given a personal token by this admin. */
    public boolean manages(User user) {
        return platform || !user.hasRole(Role.PLATFORM_ADMIN) && covers(user.programs());
    }

    /** Whether a user may be given these roles and programs by this admin. */
    public boolean grants(Set<Role> roles, Set<ProgramId> programs) {
        return platform || !roles.contains(Role.PLATFORM_ADMIN) && covers(programs);
    }

    /** Whether a client token for these programs may be issued, listed or revoked by this admin. */
    public boolean coversClient(Set<ProgramId> programs) {
        return platform || covers(programs);
    }

    private boolean covers(Set<ProgramId> others) {
        return !others.isEmpty() && programs.containsAll(others);
    }
}

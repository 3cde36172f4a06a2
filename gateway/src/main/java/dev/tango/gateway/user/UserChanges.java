package dev.tango.gateway.user;

import dev.tango.events.ProgramId;
import java.util.Set;

/** A change to a user; a {@code null} field stays as it is. */
public record UserChanges(
        String displayName, String email, Set<Role> roles, Set<ProgramId> programs, String password, Boolean active) {}

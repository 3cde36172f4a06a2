package dev.tango.gateway.user;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import java.util.Set;

/** What it takes to create a user; {@code id} is optional (a new one is generated). */
public record NewUser(
        UserId id, String displayName, String email, Set<Role> roles, Set<ProgramId> programs, String password) {}

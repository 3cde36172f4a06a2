package dev.tango.gateway.user.web;

import dev.tango.events.ProgramId;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import java.time.Instant;
import java.util.List;

/** A user as the API shows it: never the password hash. */
public record UserView(
        String id,
        String displayName,
        String email,
        List<Role> roles,
        List<String> programs,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    public static UserView of(User user) {
        return new UserView(
                user.id().value(),
                user.displayName(),
                user.email(),
                user.roles().stream().sorted().toList(),
                user.programs().stream().map(ProgramId::value).sorted().toList(),
                user.active(),
                user.createdAt(),
                user.updatedAt());
    }
}

package dev.tango.gateway.user.web;

import dev.tango.gateway.user.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** Body of PATCH /api/users/{id}: every field is optional; a missing one stays as it is. */
public record UpdateUserRequest(
        @Size(min = 1, max = 100) String displayName,

        @Email @Pattern(regexp = Patterns.VISIBLE, message = Patterns.VISIBLE_MESSAGE) @Size(max = 254)
        String email,

        @Size(min = 1, max = 4) Set<@NotNull Role> roles,

        @Size(max = 50)
        Set<@NotNull @Size(max = 64) @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String> programs,

        @Size(min = 8, max = 72) String password,
        Boolean active) {}

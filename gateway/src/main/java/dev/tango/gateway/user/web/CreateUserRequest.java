package dev.tango.gateway.user.web;

import dev.tango.gateway.user.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** Body of POST /api/users; {@code id} is optional (a UUID is generated). */
public record CreateUserRequest(
        @Size(max = 64) @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE)
        String id,

        @NotBlank @Size(max = 100) String displayName,

        @NotBlank @Email @Pattern(regexp = Patterns.VISIBLE, message = Patterns.VISIBLE_MESSAGE) @Size(max = 254)
        String email,

        @NotEmpty @Size(max = 4) Set<@NotNull Role> roles,

        @Size(max = 50)
        Set<@NotNull @Size(max = 64) @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String> programs,

        @NotNull @Size(min = 8, max = 72) String password) {}

package dev.tango.gateway.token.web;

import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.web.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

/** Body of POST /api/tokens; {@code expiresAt} defaults to 90 days and may be at most one year away. */
public record IssueTokenRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull Role role,

        @Size(max = 50)
        Set<@NotNull @Size(max = 64) @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String> programs,

        Instant expiresAt) {}

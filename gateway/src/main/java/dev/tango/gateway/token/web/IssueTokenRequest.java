package dev.tango.gateway.token.web;

import dev.tango.gateway.problem.InvalidRequestException;
import dev.tango.gateway.problem.InvalidRequestException.FieldViolation;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.web.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Body of POST /api/tokens. Either a client token ({@code role}, optional {@code programs}) or a personal token acting
 * as {@code user} (then no role and no programs: it has the user's). {@code expiresAt} defaults to 90 days and may be
 * at most one year away.
 */
public record IssueTokenRequest(
        @NotBlank @Size(max = 100) String name,
        Role role,

        @Size(max = 50)
        Set<@NotNull @Size(max = 64) @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String> programs,

        @Size(max = 64) @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE)
        String user,

        Instant expiresAt) {

    /** The rule bean validation cannot say: exactly one of a role (client token) or a user (personal token). */
    void checkKind() {
        List<FieldViolation> violations = new ArrayList<>();
        if (user == null && role == null) {
            violations.add(new FieldViolation("role", "a role for a client token, or a user for a personal token"));
        }
        if (user != null && role != null) {
            violations.add(new FieldViolation("role", "a personal token has its user's roles: leave role out"));
        }
        if (user != null && programs != null && !programs.isEmpty()) {
            violations.add(new FieldViolation("programs", "a personal token has its user's programs: leave them out"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}

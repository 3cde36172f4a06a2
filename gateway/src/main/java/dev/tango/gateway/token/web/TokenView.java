package dev.tango.gateway.token.web;

import dev.tango.events.ProgramId;
import dev.tango.gateway.token.ApiToken;
import dev.tango.gateway.user.Role;
import java.time.Instant;
import java.util.List;

/**
 * A token as listed: never the plaintext nor the hash. {@code user} is set for a personal token (whose {@code role} is
 * then null: it has its user's roles); {@code subject} is who it appears as to the services.
 */
public record TokenView(
        String id,
        String name,
        String user,
        Role role,
        List<String> programs,
        String subject,
        String issuedBy,
        Instant issuedAt,
        Instant expiresAt,
        Instant revokedAt,
        ApiToken.Status status) {

    static TokenView of(ApiToken token, Instant now) {
        return new TokenView(
                token.id(),
                token.name(),
                token.user() == null ? null : token.user().value(),
                token.role(),
                token.programs().stream().map(ProgramId::value).sorted().toList(),
                token.subject(),
                token.issuedBy(),
                token.issuedAt(),
                token.expiresAt(),
                token.revokedAt(),
                token.statusAt(now));
    }
}

package dev.tango.gateway.token.web;

import dev.tango.events.ProgramId;
import dev.tango.gateway.token.ApiToken;
import dev.tango.gateway.user.Role;
import java.time.Instant;
import java.util.List;

/** A token as listed: never the plaintext nor the hash. */
public record TokenView(
        String id,
        String name,
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

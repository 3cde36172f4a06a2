package dev.tango.gateway.token;

import dev.tango.events.ProgramId;
import dev.tango.gateway.user.Role;
import java.time.Instant;
import java.util.Set;

/**
 * An API client's token as the gateway keeps it: the SHA-256 hash of the plaintext, never the plaintext. {@code id}
 * is a short public id used to list and revoke it.
 */
public record ApiToken(
        String id,
        String hash,
        String name,
        Role role,
        Set<ProgramId> programs,
        String issuedBy,
        Instant issuedAt,
        Instant expiresAt,
        Instant revokedAt) {

    public ApiToken {
        programs = Set.copyOf(programs);
    }

    public ApiToken revoke(Instant now) {
        return revokedAt != null
                ? this
                : new ApiToken(id, hash, name, role, programs, issuedBy, issuedAt, expiresAt, now);
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public Status statusAt(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }

    /** The subject an API client appears as in service tokens. */
    public String subject() {
        return "client-" + id;
    }

    public enum Status {
        ACTIVE,
        EXPIRED,
        REVOKED
    }
}

package dev.tango.gateway.token;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.gateway.user.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An API token as the gateway keeps it: the SHA-256 hash of the plaintext, never the plaintext. {@code id} is a short
 * public id used to list and revoke it.
 *
 * <p>Two kinds. A <b>client token</b> ({@code user == null}) is an API client of its own with a fixed {@code role} and
 * {@code programs}, appearing as {@code client-<id>}. A <b>personal token</b> ({@code user != null}) acts as that
 * user: their current roles, programs and session assignments, read again at every request, so it stops working the
 * moment the user is deactivated; {@code role} is then null and {@code programs} empty.
 */
public record ApiToken(
        String id,
        String hash,
        String name,
        UserId user,
        Role role,
        Set<ProgramId> programs,
        String issuedBy,
        Instant issuedAt,
        Instant expiresAt,
        Instant revokedAt) {

    public ApiToken {
        programs = Set.copyOf(programs);
        if (user == null) {
            Objects.requireNonNull(role, "a client token needs a role");
        } else if (role != null || !programs.isEmpty()) {
            throw new IllegalArgumentException("a personal token has its user's roles and programs, none of its own");
        }
    }

    public ApiToken revoke(Instant now) {
        return revokedAt != null
                ? this
                : new ApiToken(id, hash, name, user, role, programs, issuedBy, issuedAt, expiresAt, now);
    }

    public boolean personal() {
        return user != null;
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

    /** The subject the caller appears as in service tokens: the user of a personal token, else the client. */
    public String subject() {
        return personal() ? user.value() : "client-" + id;
    }

    public enum Status {
        ACTIVE,
        EXPIRED,
        REVOKED
    }
}

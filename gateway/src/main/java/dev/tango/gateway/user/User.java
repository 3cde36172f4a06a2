package dev.tango.gateway.user;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A person with a sign-in. Changes only through the methods below, each returning the changed user; the password is
 * only ever held as an encoder hash.
 */
public record User(
        UserId id,
        String displayName,
        String email,
        Set<Role> roles,
        Set<ProgramId> programs,
        boolean active,
        String passwordHash,
        Instant createdAt,
        Instant updatedAt,
        Long version) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        roles = Set.copyOf(roles);
        programs = Set.copyOf(programs);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A user has at least one role");
        }
    }

    public static User register(
            UserId id,
            String displayName,
            String email,
            Set<Role> roles,
            Set<ProgramId> programs,
            String passwordHash,
            Instant now) {
        return new User(id, displayName, normalizeEmail(email), roles, programs, true, passwordHash, now, now, null);
    }

    public User changeProfile(String displayName, Set<Role> roles, Set<ProgramId> programs, Instant now) {
        return new User(id, displayName, email, roles, programs, active, passwordHash, createdAt, now, version);
    }

    public User changeEmail(String email, Instant now) {
        return new User(
                id, displayName, normalizeEmail(email), roles, programs, active, passwordHash, createdAt, now, version);
    }

    public User changePassword(String passwordHash, Instant now) {
        return new User(id, displayName, email, roles, programs, active, passwordHash, createdAt, now, version);
    }

    public User deactivate(Instant now) {
        return new User(id, displayName, email, roles, programs, false, passwordHash, createdAt, now, version);
    }

    public User reactivate(Instant now) {
        return new User(id, displayName, email, roles, programs, true, passwordHash, createdAt, now, version);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Emails are compared case-insensitively: stored trimmed and in lower case. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }
}

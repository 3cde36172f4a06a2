package dev.tango.gateway.security;

import dev.tango.events.ProgramId;
import dev.tango.gateway.token.ApiToken;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import java.security.Principal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The caller as the gateway and the services see it: a signed-in user, a user calling with one of their personal API
 * tokens, an API client, or a user of an external OpenID Connect provider. {@code subject} becomes the {@code sub} of service tokens; {@code notAfter} caps them.
 */
public record TangoPrincipal(
        String subject, String displayName, Set<Role> roles, Set<ProgramId> programs, Kind kind, Instant notAfter)
        implements Principal {

    public TangoPrincipal {
        roles = Set.copyOf(roles);
        programs = Set.copyOf(programs);
    }

    public static TangoPrincipal of(User user) {
        return new TangoPrincipal(
                user.id().value(), user.displayName(), user.roles(), user.programs(), Kind.USER, null);
    }

    /** A user calling with one of their personal tokens: the user's roles and programs, capped by the token. */
    public static TangoPrincipal of(User user, ApiToken token) {
        if (!user.id().equals(token.user())) {
            throw new IllegalArgumentException("token " + token.id() + " is not a personal token of " + user.id());
        }
        return new TangoPrincipal(
                user.id().value(),
                user.displayName(),
                user.roles(),
                user.programs(),
                Kind.USER_TOKEN,
                token.expiresAt());
    }

    /** An API client's own token (not a personal one). */
    public static TangoPrincipal of(ApiToken token) {
        if (token.personal()) {
            throw new IllegalArgumentException("a personal token acts as its user: use of(User, ApiToken)");
        }
        return new TangoPrincipal(
                token.subject(),
                token.name(),
                Set.of(token.role()),
                token.programs(),
                Kind.API_CLIENT,
                token.expiresAt());
    }

    @Override
    public String getName() {
        return subject;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Roles for people to read, e.g. "mentor, admin", "admin, platform admin". */
    public String rolesLabel() {
        return String.join(
                ", ",
                roles.stream()
                        .sorted()
                        .map(role -> role.label().toLowerCase(java.util.Locale.ROOT))
                        .toList());
    }

    public Collection<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = roles.stream()
                .sorted()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
        return authorities;
    }

    /** How the caller proved who they are. */
    public enum Kind {
        USER,
        /** A user's personal API token: acts as the user. */
        USER_TOKEN,
        API_CLIENT,
        OIDC_USER
    }
}

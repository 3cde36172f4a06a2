package dev.tango.gateway.security;

import dev.tango.events.Ids;
import dev.tango.events.ProgramId;
import dev.tango.gateway.user.Role;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Reads a Tango user out of an ID token / user-info: id, name, roles (unknown role names are ignored, matching is
 * case-insensitive) and programs, from the claims named in {@link OidcProperties}.
 */
public class OidcClaimsMapper {

    private final OidcProperties properties;

    public OidcClaimsMapper(OidcProperties properties) {
        this.properties = properties;
    }

    public TangoPrincipal principal(OidcUser user) {
        Map<String, Object> claims = user.getClaims();
        Object id = claim(claims, properties.userIdClaim());
        Object name = claim(claims, properties.nameClaim());
        return new TangoPrincipal(
                id == null ? user.getSubject() : String.valueOf(id),
                name == null ? user.getSubject() : String.valueOf(name),
                roles(claims),
                programs(claims),
                TangoPrincipal.Kind.OIDC_USER,
                null);
    }

    public Set<Role> roles(Map<String, Object> claims) {
        return strings(claim(claims, properties.rolesClaim())).stream()
                .map(value -> value.toUpperCase(Locale.ROOT))
                .filter(value -> Set.of("STUDENT", "MENTOR", "ADMIN").contains(value))
                .map(Role::valueOf)
                .collect(Collectors.toSet());
    }

    private Set<ProgramId> programs(Map<String, Object> claims) {
        return strings(claim(claims, properties.programsClaim())).stream()
                .filter(Ids::isValid)
                .map(ProgramId::of)
                .collect(Collectors.toSet());
    }

    private static Object claim(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static Set<String> strings(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toSet());
        }
        if (value instanceof String text && !text.isBlank()) {
            return Set.of(text.split("[ ,]+"));
        }
        return Set.of();
    }
}

package dev.tango.support.security;

import dev.tango.events.Ids;
import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Reads the caller from a verified JWT: the subject, the roles (as {@code ROLE_*} authorities too, for the actuator
 * rules) and the programs. The claim names are configurable; a dotted name such as {@code realm_access.roles} reads a
 * nested claim, as Keycloak puts them. Unknown roles and malformed program ids grant nothing and are ignored.
 */
public class CallerClaims implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final TangoSecurityProperties properties;

    public CallerClaims(TangoSecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = roles(jwt).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    }

    /** The caller of a verified token; its subject was checked to be a valid user id when it was decoded. */
    public Caller caller(Jwt jwt) {
        return new Caller(UserId.of(jwt.getSubject()), roles(jwt), programs(jwt));
    }

    Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : strings(claim(jwt, properties.rolesClaim()))) {
            try {
                roles.add(Role.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknownRole) {
                // A provider may carry roles of other applications; they grant nothing here.
            }
        }
        return roles;
    }

    Set<ProgramId> programs(Jwt jwt) {
        Set<ProgramId> programs = new LinkedHashSet<>();
        for (String value : strings(claim(jwt, properties.programsClaim()))) {
            if (Ids.isValid(value)) {
                programs.add(ProgramId.of(value));
            }
        }
        return programs;
    }

    // A claim named exactly so wins; otherwise each dot goes one object deeper.
    private static Object claim(Jwt jwt, String name) {
        Map<String, Object> claims = jwt.getClaims();
        if (claims.containsKey(name) || !name.contains(".")) {
            return claims.get(name);
        }
        Object value = claims;
        for (String part : name.split("\\.")) {
            if (!(value instanceof Map<?, ?> object)) {
                return null;
            }
            value = object.get(part);
        }
        return value;
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        if (claim instanceof String value) {
            return List.of(value);
        }
        return List.of();
    }
}

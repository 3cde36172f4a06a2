package dev.tango.gateway.security;

import java.security.Principal;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Turns whatever authenticated the caller (session, API token, OpenID Connect) into a {@link TangoPrincipal}. */
@Component
public class TangoPrincipals {

    private final ObjectProvider<OidcClaimsMapper> oidcClaims;

    public TangoPrincipals(ObjectProvider<OidcClaimsMapper> oidcClaims) {
        this.oidcClaims = oidcClaims;
    }

    public Mono<TangoPrincipal> current(ServerWebExchange exchange) {
        return exchange.getPrincipal().flatMap(principal -> Mono.justOrEmpty(from(principal)));
    }

    public Optional<TangoPrincipal> from(Principal principal) {
        if (principal instanceof TangoPrincipal tango) {
            return Optional.of(tango);
        }
        if (principal instanceof Authentication authentication && authentication.isAuthenticated()) {
            Object inner = authentication.getPrincipal();
            if (inner instanceof TangoPrincipal tango) {
                return Optional.of(tango);
            }
            OidcClaimsMapper mapper = oidcClaims.getIfAvailable();
            if (inner instanceof OidcUser oidcUser && mapper != null) {
                return Optional.of(mapper.principal(oidcUser));
            }
        }
        return Optional.empty();
    }
}

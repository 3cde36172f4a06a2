package dev.tango.gateway.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Authenticates {@code Authorization: Bearer tango_pat_...} against the stored hashes. A personal token becomes its
 * user as they are now, and nothing once the user is deactivated. Both reads go through {@link ApiTokenCache}.
 */
class ApiTokenAuthenticationManager implements ReactiveAuthenticationManager {

    static final String INVALID = "The bearer token is unknown, expired or revoked.";

    private final ApiTokenCache tokens;

    ApiTokenAuthenticationManager(ApiTokenCache tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        return tokens.authenticate(String.valueOf(authentication.getCredentials()))
                .flatMap(token -> token.personal()
                        ? tokens.activeUserOf(token).map(user -> TangoPrincipal.of(user, token))
                        : Mono.just(TangoPrincipal.of(token)))
                .map(principal -> (Authentication)
                        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities()))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException(INVALID)));
    }
}

package dev.tango.gateway.security;

import dev.tango.events.UserId;
import dev.tango.gateway.user.Users;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Keeps browser sessions honest: a user who was deactivated is signed out at their next request, and changed roles or
 * programs apply at once instead of at the next sign-in. One lookup by _id per request of a signed-in user.
 */
class ActiveUserWebFilter implements WebFilter {

    private final Users users;

    ActiveUserWebFilter(Users users) {
        this.users = users;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .filter(auth -> auth.getPrincipal() instanceof TangoPrincipal p && p.kind() == TangoPrincipal.Kind.USER)
                .flatMap(auth -> check(exchange, chain, auth))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange)).then(Mono.empty()))
                .then();
    }

    private Mono<Boolean> check(ServerWebExchange exchange, WebFilterChain chain, Authentication auth) {
        TangoPrincipal current = (TangoPrincipal) auth.getPrincipal();
        return users.findById(UserId.of(current.subject()))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    if (found.isEmpty() || !found.get().active()) {
                        return exchange.getSession()
                                .flatMap(WebSession::invalidate)
                                .then(chain.filter(exchange).contextWrite(ReactiveSecurityContextHolder.clearContext()))
                                .thenReturn(true);
                    }
                    TangoPrincipal fresh = TangoPrincipal.of(found.get());
                    if (fresh.equals(current)) {
                        return chain.filter(exchange).thenReturn(true);
                    }
                    Authentication refreshed =
                            UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.authorities());
                    SecurityContext context = new SecurityContextImpl(refreshed);
                    return exchange.getSession()
                            .doOnNext(session -> session.getAttributes()
                                    .put(
                                            WebSessionServerSecurityContextRepository
                                                    .DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME,
                                            context))
                            .then(chain.filter(exchange)
                                    .contextWrite(
                                            ReactiveSecurityContextHolder.withSecurityContext(Mono.just(context))))
                            .thenReturn(true);
                });
    }
}

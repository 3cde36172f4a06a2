package dev.tango.gateway.routing;

import dev.tango.gateway.jwt.NoServiceTokenException;
import dev.tango.gateway.jwt.ServiceTokenIssuer;
import dev.tango.gateway.security.ProblemResponses;
import dev.tango.gateway.security.TangoPrincipals;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * On every routed request: drop the browser's cookies and whatever Authorization came in, and send the gateway's own
 * bearer JWT for the caller instead. Without a caller there is nothing to forward (401).
 */
@Component
public class ServiceTokenRelayFilter implements GlobalFilter, Ordered {

    private final TangoPrincipals principals;
    private final ServiceTokenIssuer issuer;
    private final ProblemResponses problems;

    public ServiceTokenRelayFilter(TangoPrincipals principals, ServiceTokenIssuer issuer, ProblemResponses problems) {
        this.principals = principals;
        this.issuer = issuer;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return principals
                .current(exchange)
                .flatMap(issuer::tokenFor)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(NoServiceTokenException.class, e -> Mono.just(Optional.empty()))
                .flatMap(token -> token.isEmpty()
                        ? problems.unauthenticated(exchange, "No service token can be issued for this caller.")
                        : chain.filter(exchange.mutate()
                                .request(request -> request.headers(headers -> {
                                    headers.remove(HttpHeaders.COOKIE);
                                    headers.remove(HttpHeaders.AUTHORIZATION);
                                    headers.setBearerAuth(token.get());
                                }))
                                .build()));
    }

    /** Early: before the routing filters that send the request on. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}

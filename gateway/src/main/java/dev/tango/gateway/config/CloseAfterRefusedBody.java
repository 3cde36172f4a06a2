package dev.tango.gateway.config;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A body refused as too large (413, the gateway's own or a service's passed on) was not read to its end: the answer
 * says {@code Connection: close} and the connection is closed after it, so that the body's rest is never taken for the
 * client's next request on it. The services do the same on their side (service-support's
 * {@code CloseAfterRefusedBody}); the gateway does not depend on service-support. Found by the hostile input suite:
 * after 1 MB bodies, later requests got empty 400 and 414 answers.
 */
@Component
final class CloseAfterRefusedBody implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            if (HttpStatus.CONTENT_TOO_LARGE.equals(exchange.getResponse().getStatusCode())) {
                exchange.getResponse().getHeaders().setConnection("close");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

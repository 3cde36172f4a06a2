package dev.tango.gateway.routing;

import dev.tango.gateway.problem.BodyTooLargeException;
import dev.tango.gateway.security.ProblemResponses;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses, at the edge, a request body larger than the service behind the route accepts ({@link BodyLimits}): 413
 * problem+json, and nothing is sent on.
 *
 * <p>Before this, such a body went on to the service, which answered 413 as soon as it had read its limit and stopped
 * reading, while the gateway was still sending the rest. Those connections then misbehaved: the hostile-input suite
 * saw empty 400 and 414 answers instead of the 413 problem, and small requests after them answered empty 400s by the
 * service's HTTP decoder (RELIABILITY.md). A declared {@code Content-Length} over the limit is refused before the body
 * is read; a body without one (chunked) is counted as it streams and the exchange fails with
 * {@link BodyTooLargeException} (a 413 problem, {@code ApiErrorWebExceptionHandler}) once it passes the limit, which
 * also ends the connection to the service instead of returning it to the pool.
 */
@Component
public class BodyLimitFilter implements GlobalFilter, Ordered {

    private final BodyLimits limits;
    private final ProblemResponses problems;

    public BodyLimitFilter(BodyLimits limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        long limit = limits.forRoute(route == null ? null : route.getId());
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declared = headers.getContentLength();
        if (declared > limit) {
            return problems.write(
                    exchange,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "too-large",
                    "Request too large",
                    "The request body is larger than the " + limit + " bytes this endpoint accepts.");
        }
        if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return chain.filter(
                exchange.mutate().request(counted(exchange.getRequest(), limit)).build());
    }

    private static ServerHttpRequest counted(ServerHttpRequest request, long limit) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new BodyTooLargeException(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
    }

    /** First of the global filters: before a service token is issued for a request that will not be sent on. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 50;
    }
}

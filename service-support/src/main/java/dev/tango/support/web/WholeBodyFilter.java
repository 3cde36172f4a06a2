package dev.tango.support.web;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a request's whole body, up to the codec limit ({@code spring.http.codecs.max-in-memory-size}), before
 * anything else handles the request, so that a service never answers a request while its body is still arriving.
 *
 * <p>HTTP/1.1 asks a server that answers before the end of a body to read the rest or close the connection (RFC 9112,
 * section 9.3); Reactor Netty does neither by itself (reactor/reactor-netty#324, open). The JSON decoder answers a
 * body it cannot read (an array where an object belongs, JSON nested 10,000 deep) after its first bytes, and the codec
 * limit answers 413 after the limit: behind the gateway, whose HTTP client stops sending a body once it has the answer,
 * the connection then went back to the gateway's pool out of step, and the next requests on it got empty 400 and 414
 * answers (the hostile-input suite, RELIABILITY.md). A body larger than the limit answers 413 problem+json with
 * {@code Connection: close}, so that its rest is never read as a request; the gateway refuses such bodies before they
 * reach a service anyway.
 *
 * <p>First of all filters, before authentication: a request refused by security is answered only after its body too.
 * The body is held once in memory, as the JSON decoder would hold it.
 */
public class WholeBodyFilter implements WebFilter, Ordered {

    private final int limit;

    public WholeBodyFilter(int limit) {
        this.limit = limit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        if (headers.getContentLength() <= 0 && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), limit)
                .map(WholeBodyFilter::copy)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> chain.filter(
                        exchange.mutate().request(withBody(request, body)).build()))
                .onErrorResume(DataBufferLimitException.class, tooLarge -> {
                    exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
                    return ProblemWriter.write(
                            exchange,
                            HttpStatus.CONTENT_TOO_LARGE,
                            "too-large",
                            "Request too large",
                            "The request body is too large.");
                });
    }

    private static byte[] copy(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    // A heap copy per subscription: nothing to release if a handler never reads the body, or reads it twice.
    private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> body.length == 0
                        ? Flux.empty()
                        : Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

package dev.tango.benchmark;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The load generator's HTTP/1.1 client: Reactor Netty with a pool of kept-alive connections, so that thousands of
 * requests per second cost the harness little CPU next to the stack it measures.
 */
final class Http implements AutoCloseable {

    /** An answer: its status and body. */
    record Reply(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Who calls: the headers that authenticate them (a bearer token, or a session cookie with its CSRF token). */
    record Caller(String name, Map<String, String> headers) {
        static Caller bearer(String name, String token) {
            return new Caller(name, Map.of("Authorization", "Bearer " + token));
        }
    }

    private final ConnectionProvider pool;
    private final LoopResources loops;
    private final HttpClient client;

    Http(int maxConnections) {
        this.pool = ConnectionProvider.builder("tango-benchmark")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofSeconds(60))
                .build();
        // One event loop: the harness shares the two cores with everything it measures.
        this.loops = LoopResources.create("tango-benchmark-http", 1, true);
        this.client = HttpClient.create(pool)
                .runOn(loops)
                .responseTimeout(Duration.ofSeconds(30))
                .keepAlive(true);
    }

    Mono<Reply> get(String url, Caller caller) {
        return send(HttpMethod.GET, url, caller, null);
    }

    Mono<Reply> post(String url, Caller caller, String json) {
        return send(HttpMethod.POST, url, caller, json);
    }

    Mono<Reply> send(HttpMethod method, String url, Caller caller, String json) {
        HttpClient.RequestSender request = client.headers(headers -> {
                    headers.set(HttpHeaderNames.ACCEPT, "application/json");
                    if (caller != null) {
                        caller.headers().forEach(headers::set);
                    }
                    if (json != null) {
                        headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                    }
                })
                .request(method)
                .uri(url);
        HttpClient.ResponseReceiver<?> receiver = json == null
                ? request
                : request.send(ByteBufFlux.fromString(
                        Mono.just(json), StandardCharsets.UTF_8, io.netty.buffer.ByteBufAllocator.DEFAULT));
        return receiver.responseSingle((response, body) -> body.asString(StandardCharsets.UTF_8)
                .defaultIfEmpty("")
                .map(text -> new Reply(response.status().code(), text)));
    }

    @Override
    public void close() {
        pool.dispose();
        loops.dispose();
    }
}

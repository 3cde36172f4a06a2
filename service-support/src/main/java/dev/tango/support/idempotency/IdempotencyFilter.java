package dev.tango.support.idempotency;

import dev.tango.support.web.ProblemWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Makes {@code POST}, {@code PUT}, {@code PATCH} and {@code DELETE} requests under {@code /api} that carry an
 * {@code Idempotency-Key} header safe to retry. The first request with a key runs and, if it succeeds (2xx), its
 * response is stored; the same request again with the same key gets that response back ({@code Idempotent-Replayed:
 * true}) without running again. Keys are per caller (the JWT subject). A request without the header is not touched.
 *
 * <ul>
 *   <li>The key is claimed by inserting a PENDING record; its unique {@code _id} is the lock.
 *   <li>The same key with another request (method, path and query, Content-Type or body) answers 422; while the first
 *       request is still running, 409 with {@code Retry-After}.
 *   <li>A request that does not succeed (any non-2xx status, or an error) releases the key: it leaves no trace.
 *   <li>A request whose client goes away while it runs is not cancelled: it runs to its end and settles its key.
 *   <li>A key held PENDING longer than {@code pending-timeout}, or a record past its {@code expiresAt}, is taken over by
 *       a conditional update, so that only one request wins it. The handler may then run a second time (the first
 *       run may have stored its write and died before completing the key): it runs with the caller and the key in
 *       its Reactor context, so that what it creates gets the same ids ({@link IdempotentIds}) and is found, not
 *       created twice.
 * </ul>
 *
 * Counts {@code tango.idempotency.requests} by {@code outcome}: executed, replayed, mismatch, in_progress.
 */
public class IdempotencyFilter implements WebFilter, Ordered {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /**
     * Right after Spring Security's {@code WebFilterChainProxy} (order -100): unauthenticated requests are refused
     * before, and the caller is in the security context here.
     */
    public static final int ORDER = -100 + 1;

    public static final String METRIC = "tango.idempotency.requests";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<HttpMethod> WRITES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final byte[] NO_BODY = new byte[0];
    // Claims that lose a race (the record changed between insert and read) look again, this many times in all.
    private static final int CLAIM_ATTEMPTS = 3;

    enum Outcome {
        EXECUTED,
        REPLAYED,
        MISMATCH,
        IN_PROGRESS;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private record Resolution(Outcome outcome, IdempotencyRecord record) {}

    private final IdempotencyStore store;
    private final Clock clock;
    private final TangoIdempotencyProperties properties;
    private final Map<Outcome, Counter> requests = new EnumMap<>(Outcome.class);

    public IdempotencyFilter(
            IdempotencyStore store, Clock clock, MeterRegistry meters, TangoIdempotencyProperties properties) {
        this.store = store;
        this.clock = clock;
        this.properties = properties;
        for (Outcome outcome : Outcome.values()) {
            requests.put(
                    outcome,
                    Counter.builder(METRIC)
                            .description("Write requests carrying an Idempotency-Key, by what was done with them")
                            .tag("outcome", outcome.tag())
                            .register(meters));
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** Whether a path is one whose write operations honour the header. */
    public static boolean isApiPath(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        List<String> keys = request.getHeaders().getOrEmpty(IdempotencyKey.HEADER);
        if (keys.isEmpty()
                || !WRITES.contains(request.getMethod())
                || !isApiPath(request.getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        if (keys.size() != 1 || !IdempotencyKey.isValid(keys.get(0))) {
            return invalidKey(exchange);
        }
        IdempotencyKey key = new IdempotencyKey(keys.get(0));
        return caller().map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(caller -> caller.isPresent()
                        ? readBody(exchange, chain, caller.get(), key)
                        // Not reached for /api, which requires a token; without a caller there is no scope for the key.
                        : chain.filter(exchange));
    }

    private static Mono<String> caller() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .filter(authentication ->
                        authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken))
                .map(IdempotencyFilter::subject);
    }

    private static String subject(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken jwt
                ? jwt.getToken().getSubject()
                : authentication.getName();
    }

    private Mono<Void> readBody(ServerWebExchange exchange, WebFilterChain chain, String caller, IdempotencyKey key) {
        return DataBufferUtils.join(exchange.getRequest().getBody(), (int)
                        properties.maxBodySize().toBytes())
                .map(IdempotencyFilter::drain)
                .defaultIfEmpty(NO_BODY)
                .map(Optional::of)
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.just(Optional.empty()))
                .flatMap(body -> body.isPresent()
                        ? handle(exchange, chain, caller, key, body.get())
                        : problem(
                                exchange,
                                HttpStatus.CONTENT_TOO_LARGE,
                                "too-large",
                                "Request too large",
                                "The request body is too large.",
                                Map.of()));
    }

    private Mono<Void> handle(
            ServerWebExchange exchange, WebFilterChain chain, String caller, IdempotencyKey key, byte[] body) {
        ServerHttpRequest request = exchange.getRequest();
        String method = request.getMethod().name();
        String path = pathAndQuery(request);
        RequestFingerprint fingerprint =
                RequestFingerprint.of(method, path, request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE), body);
        IdempotencyRecord pending = IdempotencyRecord.pending(
                RequestFingerprint.recordId(caller, key),
                caller,
                method,
                path,
                fingerprint,
                UUID.randomUUID().toString(),
                now(),
                properties.retention());
        return resolve(pending, fingerprint, CLAIM_ATTEMPTS).flatMap(resolution -> {
            requests.get(resolution.outcome()).increment();
            return switch (resolution.outcome()) {
                case EXECUTED ->
                    execute(
                            exchange,
                            chain,
                            body,
                            resolution.record(),
                            IdempotentIds.scope(caller, key.value(), fingerprint.hex()));
                case REPLAYED -> replay(exchange, resolution.record());
                case MISMATCH ->
                    problem(
                            exchange,
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "idempotency-key-reused",
                            "Idempotency-Key reused",
                            "This Idempotency-Key was already used for a different request",
                            Map.of());
                case IN_PROGRESS -> {
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                    yield problem(
                            exchange,
                            HttpStatus.CONFLICT,
                            "idempotency-key-in-progress",
                            "Request in progress",
                            "A request with this Idempotency-Key is still being processed; retry later",
                            Map.of());
                }
            };
        });
    }

    private Mono<Resolution> resolve(IdempotencyRecord pending, RequestFingerprint fingerprint, int attempts) {
        return store.claim(pending)
                .map(claimed -> new Resolution(Outcome.EXECUTED, claimed))
                .onErrorResume(
                        DuplicateKeyException.class,
                        taken -> store.find(pending.id())
                                .flatMap(existing -> decide(existing, pending, fingerprint, attempts))
                                // Released between our insert and our read.
                                .switchIfEmpty(Mono.defer(() -> again(pending, fingerprint, attempts))));
    }

    private Mono<Resolution> decide(
            IdempotencyRecord existing, IdempotencyRecord pending, RequestFingerprint fingerprint, int attempts) {
        return switch (existing.verdictFor(fingerprint, now(), properties.pendingTimeout())) {
            case REPLAY -> Mono.just(new Resolution(Outcome.REPLAYED, existing));
            case MISMATCH -> Mono.just(new Resolution(Outcome.MISMATCH, existing));
            case IN_PROGRESS -> Mono.just(new Resolution(Outcome.IN_PROGRESS, existing));
            case TAKE_OVER ->
                store.takeOver(existing, pending)
                        .flatMap(won -> won
                                ? Mono.just(new Resolution(Outcome.EXECUTED, pending))
                                : again(pending, fingerprint, attempts));
        };
    }

    private Mono<Resolution> again(IdempotencyRecord pending, RequestFingerprint fingerprint, int attempts) {
        return attempts > 1
                ? resolve(pending, fingerprint, attempts - 1)
                : Mono.just(new Resolution(Outcome.IN_PROGRESS, pending));
    }

    private Mono<Void> execute(
            ServerWebExchange exchange, WebFilterChain chain, byte[] body, IdempotencyRecord claimed, Context scope) {
        RecordingResponse response = new RecordingResponse(exchange.getResponse(), claimed);
        ServerWebExchange recorded = exchange.mutate()
                .request(new ReadBodyRequest(exchange.getRequest(), body))
                .response(response)
                .build();
        Mono<Void> run = chain.filter(recorded)
                // A run after a take-over creates what the first run did, under the same ids.
                .contextWrite(scope)
                .then(Mono.defer(() -> response.settle(NO_BODY)))
                .onErrorResume(error -> response.abandon().then(Mono.error(error)));
        // A client that goes away (its timeout, a closed connection) does not stop a write that may have been stored
        // already: it runs to its end and settles its key, so the client's retry gets it replayed. Cancelled, it would
        // leave the key PENDING, and the run after the take-over would find its own write done (409 and the like).
        return Mono.deferContextual(
                context -> Mono.fromFuture(run.contextWrite(context).toFuture(), true));
    }

    private static Mono<Void> replay(ServerWebExchange exchange, IdempotencyRecord record) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(record.status()));
        HttpHeaders headers = response.getHeaders();
        if (record.contentType() != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, record.contentType());
        }
        if (record.location() != null) {
            headers.set(HttpHeaders.LOCATION, record.location());
        }
        headers.set(REPLAYED_HEADER, "true");
        if (record.body() == null) {
            return response.setComplete();
        }
        byte[] bytes = record.body().getBytes(StandardCharsets.UTF_8);
        headers.setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    private static Mono<Void> invalidKey(ServerWebExchange exchange) {
        return problem(
                exchange,
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request",
                IdempotencyKey.HEADER + ": " + IdempotencyKey.RULE,
                Map.of("errors", List.of(Map.of("field", IdempotencyKey.HEADER, "message", IdempotencyKey.RULE))));
    }

    private static Mono<Void> problem(
            ServerWebExchange exchange,
            HttpStatus status,
            String type,
            String title,
            String detail,
            Map<String, Object> properties) {
        return ProblemWriter.write(exchange, status, type, title, detail, properties);
    }

    private Instant now() {
        // MongoDB keeps milliseconds; a claim compared by createdAt must be the instant that was stored.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String pathAndQuery(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return request.getURI().getRawPath() + (query == null ? "" : "?" + query);
    }

    private static byte[] drain(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** The request with its body, already read for the fingerprint, served again to the handler. */
    private static final class ReadBodyRequest extends ServerHttpRequestDecorator {

        private final byte[] body;

        ReadBodyRequest(ServerHttpRequest delegate, byte[] body) {
            super(delegate);
            this.body = body;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return body.length == 0
                    ? Flux.empty()
                    : Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
        }
    }

    /**
     * Settles the claim when the handler's response is written, before it goes out: stored if 2xx, released otherwise.
     * So a client that got a success can retry at once and get it replayed.
     */
    private final class RecordingResponse extends ServerHttpResponseDecorator {

        private final IdempotencyRecord claimed;
        private final AtomicBoolean settled = new AtomicBoolean();

        RecordingResponse(ServerHttpResponse delegate, IdempotencyRecord claimed) {
            super(delegate);
            this.claimed = claimed;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return DataBufferUtils.join(body)
                    .map(IdempotencyFilter::drain)
                    .defaultIfEmpty(NO_BODY)
                    .flatMap(bytes -> settle(bytes)
                            .then(super.writeWith(Mono.just(bufferFactory().wrap(bytes)))));
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return writeWith(Flux.from(body).concatMap(Flux::from));
        }

        @Override
        public Mono<Void> setComplete() {
            return settle(NO_BODY).then(super.setComplete());
        }

        Mono<Void> settle(byte[] body) {
            if (!settled.compareAndSet(false, true)) {
                return Mono.empty();
            }
            HttpStatusCode status = getStatusCode() == null ? HttpStatus.OK : getStatusCode();
            if (!status.is2xxSuccessful()) {
                return release();
            }
            HttpHeaders headers = getHeaders();
            return store.complete(
                            claimed,
                            status.value(),
                            headers.getFirst(HttpHeaders.CONTENT_TYPE),
                            headers.getFirst(HttpHeaders.LOCATION),
                            body.length == 0 ? null : new String(body, StandardCharsets.UTF_8))
                    .doOnNext(stored -> {
                        if (!stored) {
                            log.warn(
                                    "The Idempotency-Key claim {} was taken over before its request completed",
                                    claimed.id());
                        }
                    })
                    .onErrorResume(e -> {
                        // The response still goes out; the key stays PENDING until pending-timeout.
                        log.warn("Could not store the response for Idempotency-Key {}: {}", claimed.id(), e.toString());
                        return Mono.empty();
                    })
                    .then();
        }

        Mono<Void> abandon() {
            return settled.compareAndSet(false, true) ? release() : Mono.empty();
        }

        private Mono<Void> release() {
            return store.release(claimed).onErrorResume(e -> {
                log.warn("Could not release Idempotency-Key {}: {}", claimed.id(), e.toString());
                return Mono.empty();
            });
        }
    }
}

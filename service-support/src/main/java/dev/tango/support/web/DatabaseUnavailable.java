package dev.tango.support.web;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The service's database cannot be reached (no server within the selection timeout, a connection refused or cut):
 * {@code 503 Service Unavailable} with {@code Retry-After}, as problem+json. Nothing was changed by the request, so a
 * client may send it again (with the same {@code Idempotency-Key}). Handles errors of the controllers (through
 * {@link ProblemDetailsAdvice}) and of the web filters before them (as a {@link WebExceptionHandler}), e.g. the
 * idempotency filter's claim of a key.
 */
public final class DatabaseUnavailable implements WebExceptionHandler, Ordered {

    /** What a client should wait before trying again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    static final String TYPE = "database-unavailable";
    static final String TITLE = "Service unavailable";
    static final String DETAIL =
            "The service's database cannot be reached right now; nothing was changed. Try again" + " shortly.";

    /** Whether the error, or one of its causes, says that the database could not be reached. */
    public static boolean isCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoTimeoutException
                    || cause instanceof MongoSocketException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    static ResponseEntity<ProblemDetail> response() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body(ProblemDetailsAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE, TYPE, TITLE, DETAIL));
    }

    // Before Boot's error handler (order -1), which would answer 500 with its own body.
    @Override
    public int getOrder() {
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (!isCause(error) || response.isCommitted()) {
            return Mono.error(error);
        }
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
        String body = "{\"type\":\"" + ProblemDetailsAdvice.TYPE_BASE.resolve(TYPE) + "\",\"title\":\"" + TITLE
                + "\",\"status\":503,\"detail\":\"" + DETAIL + "\",\"instance\":\""
                + exchange.getRequest().getPath().value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}

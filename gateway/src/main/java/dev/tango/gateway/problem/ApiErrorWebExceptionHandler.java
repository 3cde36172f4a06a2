package dev.tango.gateway.problem;

import dev.tango.gateway.config.DatabaseOutage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors on /api/** that no controller handled, mostly from routing (a service that is down, a path nobody serves),
 * as problem+json instead of Boot's default error body. Pages fall through to the default handler.
 */
@Component
@Order(-2)
public class ApiErrorWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorWebExceptionHandler.class);

    /** What a client should wait before repeating a call refused because the database is away. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final JsonMapper json;

    public ApiErrorWebExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")
                || exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        HttpStatusCode status;
        String type;
        String title;
        String detail;
        BodyTooLargeException tooLarge = causeOf(ex, BodyTooLargeException.class);
        if (tooLarge != null) {
            // A body without a declared length passed its route's limit while being sent on (BodyLimitFilter).
            status = HttpStatus.CONTENT_TOO_LARGE;
            type = "too-large";
            title = "Request too large";
            detail = tooLarge.getMessage();
        } else if (DatabaseOutage.causedBy(ex)) {
            // The gateway's own database (users, API tokens) is away: nothing was done, the call may be repeated.
            log.warn("Database unavailable on {}: {}", exchange.getRequest().getPath(), ex.toString());
            status = HttpStatus.SERVICE_UNAVAILABLE;
            type = "database-unavailable";
            title = "Service unavailable";
            detail = "The gateway's database cannot be reached right now; nothing was changed. Try again shortly.";
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        } else if (isCause(ex, ConnectException.class) || isCause(ex, UnknownHostException.class)) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            type = "service-unavailable";
            title = "Service unavailable";
            detail = "The service behind this path is not reachable right now; try again shortly.";
        } else if (stoppedReadingTheBody(ex)) {
            // The service closed the connection while the gateway was still sending the body: it refuses bodies
            // larger than it accepts (413) without reading them to the end. Found by the hostile input suite.
            // Before the IOException case: PrematureCloseException is one.
            status = HttpStatus.CONTENT_TOO_LARGE;
            type = "too-large";
            title = "Request too large";
            detail = "The request body is too large.";
        } else if (isCause(ex, IOException.class)) {
            // The service went away in the middle of the call (e.g. it was killed): whether it did anything is not
            // known, so 502 rather than 500; a retry with the same Idempotency-Key is safe.
            log.warn("Service connection lost on {}: {}", exchange.getRequest().getPath(), ex.toString());
            status = HttpStatus.BAD_GATEWAY;
            type = "service-connection-lost";
            title = "Service connection lost";
            detail = "The service behind this path closed the connection before answering; the outcome is unknown."
                    + " Retry with the same Idempotency-Key.";
        } else if (isCause(ex, TimeoutException.class)) {
            status = HttpStatus.GATEWAY_TIMEOUT;
            type = "service-timeout";
            title = "Service timeout";
            detail = "The service behind this path did not answer in time.";
        } else if (ex instanceof ResponseStatusException rse) {
            status = rse.getStatusCode();
            type = status.value() == 404 ? "not-found" : "error";
            title = status.value() == 404 ? "Not found" : "Request failed";
            detail = status.value() == 404 ? "Nothing is served at this path." : String.valueOf(rse.getReason());
        } else {
            log.error("Unhandled error on {}", exchange.getRequest().getPath(), ex);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            type = "internal";
            title = "Internal error";
            detail = "The request could not be completed.";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.TYPE_BASE.resolve(type).toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return exchange.getResponse()
                .writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(json.writeValueAsBytes(body))));
    }

    static boolean stoppedReadingTheBody(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof PrematureCloseException
                    && String.valueOf(t.getMessage()).contains("sending request body")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCause(Throwable ex, Class<? extends Throwable> type) {
        return causeOf(ex, type) != null;
    }

    private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

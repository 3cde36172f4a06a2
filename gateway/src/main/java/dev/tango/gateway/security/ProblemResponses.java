package dev.tango.gateway.security;

import dev.tango.gateway.problem.Problems;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes refusals (401, 403, 429, 503) as {@code application/problem+json} from filters, outside any controller. */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> unauthenticated(ServerWebExchange exchange, String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not signed in", detail);
    }

    public Mono<Void> forbidden(ServerWebExchange exchange) {
        return write(
                exchange,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Forbidden",
                "Your roles do not allow this request, or the CSRF token was missing.");
    }

    public Mono<Void> throttled(ServerWebExchange exchange, Duration retryAfter, String detail) {
        exchange.getResponse()
                .getHeaders()
                .set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
        return write(exchange, HttpStatus.TOO_MANY_REQUESTS, "throttled", "Too many attempts", detail);
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.TYPE_BASE.resolve(type).toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsBytes(body));
        return response.writeWith(Mono.just(buffer));
    }

    /** API clients (and scripts) ask for JSON; browsers ask for HTML. */
    public static boolean wantsJson(ServerWebExchange exchange) {
        var accept = exchange.getRequest().getHeaders().getAccept();
        boolean json = accept.stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()
                        || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON) && !type.isWildcardType());
        boolean html = accept.stream().anyMatch(type -> MediaType.TEXT_HTML.equalsTypeAndSubtype(type));
        return json && !html;
    }
}

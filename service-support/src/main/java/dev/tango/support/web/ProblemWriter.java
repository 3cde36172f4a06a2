package dev.tango.support.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem+json answer from a web filter, where a request never reaches a handler and its exception advice
 * (security, idempotency, whole bodies): the same fields as {@link ProblemDetailsAdvice}'s problems.
 */
public final class ProblemWriter {

    private ProblemWriter() {}

    public static Mono<Void> write(
            ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
        return write(exchange, status, type, title, detail, Map.of());
    }

    /** With extra members after the standard ones, e.g. {@code errors}. */
    public static Mono<Void> write(
            ServerWebExchange exchange,
            HttpStatus status,
            String type,
            String title,
            String detail,
            Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(status, type, title, detail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", exchange.getRequest().getPath().value());
        body.putAll(properties);
        byte[] bytes = JsonMapper.shared().writeValueAsBytes(body);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}

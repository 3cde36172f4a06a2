package dev.tango.gateway.problem;

import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every error of the gateway's own JSON APIs as {@code application/problem+json}. Pages (plain {@code @Controller}s)
 * are not covered: they render their own friendly states.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    public ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    public ProblemDetail conflict(ConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, "conflict", e.title(), e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    public ProblemDetail forbidden(ForbiddenException e) {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    public ProblemDetail concurrentUpdate(OptimisticLockingFailureException e) {
        return Problems.of(
                HttpStatus.CONFLICT,
                "concurrent-update",
                "Concurrent update",
                "The resource was changed by another request at the same time; reload it and retry.");
    }

    @ExceptionHandler(InvalidRequestException.class)
    public ProblemDetail invalid(InvalidRequestException e) {
        return Problems.invalid(e.violations());
    }

    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception e) {
        log.error("Unhandled error", e);
        return Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
                "The request could not be completed; nothing was changed by it.");
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<InvalidRequestException.FieldViolation> violations = ex.getFieldErrors().stream()
                .map(error -> new InvalidRequestException.FieldViolation(
                        error.getField(), String.valueOf(error.getDefaultMessage())))
                .sorted(Comparator.comparing(InvalidRequestException.FieldViolation::field))
                .toList();
        return Mono.just(ResponseEntity.badRequest().body(Problems.invalid(violations)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (ex.getCause() instanceof DataBufferLimitException) {
            return Mono.just(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(Problems.of(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "too-large",
                            "Request too large",
                            "The request body is too large.")));
        }
        String detail = ex.getCause() instanceof DecodingException
                ? "The request body is not valid JSON for this operation."
                : ex.getReason() != null ? ex.getReason() : "The request is malformed.";
        return Mono.just(ResponseEntity.badRequest()
                .body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail)));
    }
}

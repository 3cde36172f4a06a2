package dev.tango.support.web;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Turns every error into an RFC 9457 problem ({@code application/problem+json}) with a clear, non-leaking message.
 * Validation failures list every violated field under {@code errors}.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    public static final URI TYPE_BASE = URI.create("https://tango.dev/problems/");

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    public ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    public ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    public ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "conflict", e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    public ProblemDetail concurrentUpdate(OptimisticLockingFailureException e) {
        return problem(
                HttpStatus.CONFLICT,
                "concurrent-update",
                "Concurrent update",
                "The resource was changed by another request at the same time; reload it and retry.");
    }

    @ExceptionHandler(InvalidRequestException.class)
    public ProblemDetail invalid(InvalidRequestException e) {
        return invalidProblem(e.violations());
    }

    // Spring 7 reports a body over the codec limit as ContentTooLargeException.
    @ExceptionHandler({DataBufferLimitException.class, ContentTooLargeException.class})
    public ProblemDetail tooLarge(Exception e) {
        return problem(
                HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large", "The request body is too large.");
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, MongoTimeoutException.class, MongoSocketException.class
    })
    public ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.toString());
        return DatabaseUnavailable.response();
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        // A driver error wrapped in something else (e.g. a reactive operator's exception) still means "try later".
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("Database unavailable: {}", e.toString());
            return DatabaseUnavailable.response();
        }
        log.error("Unhandled error", e);
        return ResponseEntity.internalServerError()
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal",
                        "Internal error",
                        "The request could not be completed; nothing was changed by it."));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<InvalidRequestException.FieldViolation> violations = ex.getFieldErrors().stream()
                .map(error -> new InvalidRequestException.FieldViolation(
                        error.getField(), String.valueOf(error.getDefaultMessage())))
                .sorted(Comparator.comparing(InvalidRequestException.FieldViolation::field))
                .toList();
        ex.getGlobalErrors().forEach(error -> log.debug("Global validation error {}", error.getDefaultMessage()));
        return Mono.just(ResponseEntity.badRequest().body(invalidProblem(violations)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        Throwable cause = ex.getCause();
        if (cause instanceof DataBufferLimitException limit) {
            return Mono.just(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(limit)));
        }
        DatabindException binding = bindingFailure(ex);
        if (binding != null && !binding.getPath().isEmpty()) {
            return Mono.just(ResponseEntity.badRequest().body(invalidProblem(List.of(violation(binding)))));
        }
        String detail = cause instanceof DecodingException
                ? "The request body is not valid JSON for this operation."
                : ex.getReason() != null ? ex.getReason() : "The request is malformed.";
        return Mono.just(ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail)));
    }

    // A JSON value that does not bind to its field (e.g. a typed id whose constructor refuses it) names the field.
    private static DatabindException bindingFailure(Throwable exception) {
        for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof DatabindException binding) {
                return binding;
            }
        }
        return null;
    }

    private static InvalidRequestException.FieldViolation violation(DatabindException binding) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : binding.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        Throwable root = binding;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message;
        if (root instanceof IllegalArgumentException && root.getMessage() != null) {
            message = root.getMessage();
        } else if (binding instanceof PropertyBindingException) {
            message = "is not a known field";
        } else if (binding instanceof MismatchedInputException mismatch
                && mismatch.getTargetType() != null
                && mismatch.getTargetType().isEnum()) {
            message = "must be one of " + List.of(mismatch.getTargetType().getEnumConstants());
        } else {
            message = "has an invalid value";
        }
        return new InvalidRequestException.FieldViolation(field.toString(), message);
    }

    private static ProblemDetail invalidProblem(List<InvalidRequestException.FieldViolation> violations) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request",
                violations.stream()
                        .map(v -> v.field() + ": " + v.message())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("The request is invalid."));
        problem.setProperty("errors", violations);
        return problem;
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(TYPE_BASE.resolve(type));
        problem.setTitle(title);
        return problem;
    }
}

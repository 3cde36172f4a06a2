package dev.tango.feedback.config;

import dev.tango.feedback.insight.FeedbackRuleException;
import dev.tango.support.web.ConflictException;
import dev.tango.support.web.ForbiddenException;
import dev.tango.support.web.InvalidRequestException;
import dev.tango.support.web.NotFoundException;
import dev.tango.support.web.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the domain's broken rules exactly as the shared exceptions do (same types, titles and {@code errors}); ahead
 * of the shared advice, whose catch-all would otherwise take them.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FeedbackProblems {

    private final ProblemDetailsAdvice shared = new ProblemDetailsAdvice();

    @ExceptionHandler(FeedbackRuleException.class)
    ProblemDetail broken(FeedbackRuleException rule) {
        return switch (rule.kind()) {
            case INVALID ->
                shared.invalid(new InvalidRequestException(rule.violations().stream()
                        .map(v -> new InvalidRequestException.FieldViolation(v.field(), v.message()))
                        .toList()));
            case CONFLICT -> shared.conflict(new ConflictException("Not possible now", rule.getMessage()));
            case FORBIDDEN -> shared.forbidden(new ForbiddenException(rule.getMessage()));
            case NOT_FOUND -> shared.notFound(new NotFoundException(rule.resource(), rule.getMessage()));
        };
    }
}

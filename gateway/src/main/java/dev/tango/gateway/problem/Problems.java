package dev.tango.gateway.problem;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the problems the gateway answers, so that every one has a type, a title and a clear detail. */
public final class Problems {

    public static final URI TYPE_BASE = URI.create("https://tango.dev/problems/");

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(TYPE_BASE.resolve(type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalid(List<InvalidRequestException.FieldViolation> violations) {
        ProblemDetail problem = of(
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
}

package dev.tango.gateway.problem;

import java.util.List;

/** The request breaks a rule that bean validation cannot express; every violation is listed (400). */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidRequestException(List<FieldViolation> violations) {
        super(violations.isEmpty() ? "Invalid request" : violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** One broken rule: the field and what is wrong with it. */
    public record FieldViolation(String field, String message) {}
}

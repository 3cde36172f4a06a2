package dev.tango.scoring.rubric;

import java.util.List;

/** A rubric (or a request about one) breaks rules; every violation is listed, and nothing was stored. */
public class InvalidRubricException extends RuntimeException {

    private final List<RubricViolation> violations;

    public InvalidRubricException(List<RubricViolation> violations) {
        super(
                violations.isEmpty()
                        ? "Invalid rubric"
                        : violations.get(0).field() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public List<RubricViolation> violations() {
        return violations;
    }
}

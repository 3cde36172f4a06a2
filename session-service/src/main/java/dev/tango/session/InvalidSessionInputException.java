package dev.tango.session;

import java.util.List;

/** Values given for a session break domain rules; each violation names its field as the request does. */
public class InvalidSessionInputException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidSessionInputException(List<Violation> violations) {
        super(violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public InvalidSessionInputException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    /** The first violation's field. */
    public String field() {
        return violations.get(0).field();
    }

    public List<Violation> violations() {
        return violations;
    }

    /** One broken rule: the JSON path of the field and what is wrong with it. */
    public record Violation(String field, String message) {}
}

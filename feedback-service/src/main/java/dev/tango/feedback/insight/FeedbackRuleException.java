package dev.tango.feedback.insight;

import java.util.List;

/**
 * A request breaks a rule of feedback-service's domain. The kind decides the answer; every answer is a problem
 * detail and the request changes nothing.
 */
public class FeedbackRuleException extends RuntimeException {

    /** What kind of rule was broken. */
    public enum Kind {
        /** The input itself is wrong (400), every broken rule listed. */
        INVALID,
        /** The current state does not allow it (409). */
        CONFLICT,
        /** The caller sees the resource but may not do this (403). */
        FORBIDDEN,
        /** Nothing by that id, as far as the caller may know (404). */
        NOT_FOUND
    }

    /** One broken rule about one input field (a JSON path). */
    public record Violation(String field, String message) {}

    private final Kind kind;
    private final List<Violation> violations;
    private final String resource;

    private FeedbackRuleException(Kind kind, String message, List<Violation> violations, String resource) {
        super(message);
        this.kind = kind;
        this.violations = List.copyOf(violations);
        this.resource = resource;
    }

    public static FeedbackRuleException invalid(List<Violation> violations) {
        return new FeedbackRuleException(Kind.INVALID, violations.get(0).message(), violations, null);
    }

    public static FeedbackRuleException invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }

    public static FeedbackRuleException conflict(String message) {
        return new FeedbackRuleException(Kind.CONFLICT, message, List.of(), null);
    }

    public static FeedbackRuleException forbidden(String message) {
        return new FeedbackRuleException(Kind.FORBIDDEN, message, List.of(), null);
    }

    /** Nothing of that kind ("Session", "Comment") by that id, as far as the caller may know. */
    public static FeedbackRuleException notFound(String resource, Object id) {
        return new FeedbackRuleException(Kind.NOT_FOUND, String.valueOf(id), List.of(), resource);
    }

    public Kind kind() {
        return kind;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** For NOT_FOUND: the kind of thing; the message is its id. */
    public String resource() {
        return resource;
    }
}

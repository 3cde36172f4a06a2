package dev.tango.scoring.scorecard;

/**
 * A request about observations or scorecards breaks a rule of the domain; {@code field} names the input, if any (for
 * NOT_FOUND: the kind of thing, and the message is its id).
 */
public class ScoringRuleException extends RuntimeException {

    /** What kind of rule was broken, which decides the answer. */
    public enum Kind {
        /** The input itself is wrong (400). */
        INVALID,
        /** The session's state does not allow it now (409). */
        CONFLICT,
        /** The caller sees the session but may not do this (403). */
        FORBIDDEN,
        /** Nothing by that id, as far as the caller may know (404). */
        NOT_FOUND
    }

    private final Kind kind;
    private final String field;

    public ScoringRuleException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static ScoringRuleException invalid(String field, String message) {
        return new ScoringRuleException(Kind.INVALID, field, message);
    }

    public static ScoringRuleException conflict(String message) {
        return new ScoringRuleException(Kind.CONFLICT, null, message);
    }

    public static ScoringRuleException forbidden(String message) {
        return new ScoringRuleException(Kind.FORBIDDEN, null, message);
    }

    /** Nothing of that kind ("Session", "Observation") by that id, as far as the caller may know. */
    public static ScoringRuleException notFound(String kind, Object id) {
        return new ScoringRuleException(Kind.NOT_FOUND, kind, String.valueOf(id));
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}

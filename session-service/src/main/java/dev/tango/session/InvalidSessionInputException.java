package dev.tango.session;

/** A value given for a session breaks a domain rule; {@code field} names it as the request does. */
public class InvalidSessionInputException extends RuntimeException {

    private final String field;

    public InvalidSessionInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

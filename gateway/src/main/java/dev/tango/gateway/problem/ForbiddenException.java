package dev.tango.gateway.problem;

/**
 * The caller may see the resource but not make this change, e.g. an admin putting a user into a program that is not
 * theirs (403). {@code field} names the request field at fault, or is null.
 */
public class ForbiddenException extends RuntimeException {

    private final String field;

    public ForbiddenException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

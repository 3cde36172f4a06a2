package dev.tango.gateway.problem;

/** The request conflicts with the current state, e.g. an email that is already used (409). */
public class ConflictException extends RuntimeException {

    private final String title;

    public ConflictException(String title, String detail) {
        super(detail);
        this.title = title;
    }

    public String title() {
        return title;
    }
}

package dev.tango.gateway.problem;

/** The resource does not exist or the caller may not see it (404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, Object id) {
        super(kind + " " + id + " was not found");
    }
}

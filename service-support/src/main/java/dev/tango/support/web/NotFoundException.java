package dev.tango.support.web;

/**
 * The resource does not exist, or the caller may not see it: both answer 404 so that one cannot be told from the
 * other.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, Object id) {
        super(kind + " " + id + " was not found");
    }
}

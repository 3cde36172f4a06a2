package dev.tango.support.web;

/**
 * The caller may see the resource but not do this to it (or may not create it): 403. Where the caller may not even
 * see the resource, answer {@link NotFoundException} instead, so that it cannot be told from one that does not exist.
 */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}

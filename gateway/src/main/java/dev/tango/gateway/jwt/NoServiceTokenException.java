package dev.tango.gateway.jwt;

/** The caller may not get a service token (e.g. the user was deactivated or deleted). */
public class NoServiceTokenException extends RuntimeException {

    public NoServiceTokenException(String message) {
        super(message);
    }
}

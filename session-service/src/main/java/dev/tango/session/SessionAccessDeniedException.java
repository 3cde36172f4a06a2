package dev.tango.session;

/**
 * The caller may see the session (or, for scheduling, no session exists yet) but may not do this; nothing was changed.
 * A caller who may not even see the session gets {@link SessionNotFoundException} instead.
 */
public class SessionAccessDeniedException extends RuntimeException {

    public SessionAccessDeniedException(String message) {
        super(message);
    }
}

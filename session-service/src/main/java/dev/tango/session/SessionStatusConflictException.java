package dev.tango.session;

/** The session's status does not allow what was asked (e.g. starting it twice); nothing was changed. */
public class SessionStatusConflictException extends RuntimeException {

    private final SessionStatus status;

    public SessionStatusConflictException(SessionStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public SessionStatus status() {
        return status;
    }
}

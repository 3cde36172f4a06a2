package dev.tango.session;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;

/**
 * Which sessions to list, newest scheduled first, and which page of them. Every filter is optional; they all apply.
 *
 * @param page from 0
 * @param size 1 to {@link #MAX_SIZE}
 */
public record SessionQuery(
        ProgramId programId, UserId studentId, UserId mentorId, SessionStatus status, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Far enough for any screen; it keeps skip counts (full scans on the embedded server) bounded. */
    public static final int MAX_PAGE = 10_000;

    public SessionQuery {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidSessionInputException("page", "must be 0 to " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidSessionInputException("size", "must be 1 to " + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}

package dev.tango.gateway.ui.client;

import java.util.List;

/**
 * A problem+json answer of a service that refused a change (4xx), with the properties the pages use: the field errors
 * of a 400, the moves allowed now of a 409, the unreadable lines of a transcript (422).
 *
 * @param type the problem type's last path segment, e.g. {@code concurrent-update}, or null
 */
public record ServiceProblem(
        int status,
        String type,
        String title,
        String detail,
        List<FieldError> errors,
        List<String> allowedMoves,
        String sessionStatus,
        List<LineError> lineErrors) {

    public ServiceProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        allowedMoves = allowedMoves == null ? null : List.copyOf(allowedMoves);
        lineErrors = lineErrors == null ? List.of() : List.copyOf(lineErrors);
    }

    /** A problem without a body the gateway could read. */
    public static ServiceProblem of(int status) {
        return new ServiceProblem(status, null, null, null, List.of(), null, null, List.of());
    }

    /** 409 for a phase that cannot follow the current one: the body lists the moves allowed instead. */
    public boolean moveNotAllowed() {
        return status == 409 && allowedMoves != null;
    }

    /** 409 because another request changed the session at the same moment. */
    public boolean concurrentChange() {
        return status == 409 && "concurrent-update".equals(type);
    }

    /** One invalid field of a 400: its JSON name, e.g. {@code offsetMs}, and what is wrong with it. */
    public record FieldError(String field, String message) {}

    /** A transcript line that could not be read: its number (from 1), its text, and why. */
    public record LineError(int line, String text, String reason) {}
}

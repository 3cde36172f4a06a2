package dev.tango.session.web;

import dev.tango.session.InvalidSessionInputException;
import dev.tango.session.PhaseMoveNotAllowedException;
import dev.tango.session.SessionAccessDeniedException;
import dev.tango.session.SessionNotFoundException;
import dev.tango.session.SessionStatusConflictException;
import dev.tango.session.TranscriptExistsException;
import dev.tango.session.TranscriptUnreadableException;
import dev.tango.support.web.ConflictException;
import dev.tango.support.web.ForbiddenException;
import dev.tango.support.web.InvalidRequestException;
import dev.tango.support.web.NotFoundException;
import dev.tango.support.web.ProblemDetailsAdvice;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Turns the domain's broken rules into the shared HTTP exceptions, which answer as problem details. */
final class SessionProblems {

    private SessionProblems() {}

    static Throwable translate(Throwable error) {
        if (error instanceof SessionNotFoundException notFound) {
            return new NotFoundException("Session", notFound.sessionId());
        }
        if (error instanceof SessionAccessDeniedException denied) {
            return new ForbiddenException(denied.getMessage());
        }
        if (error instanceof PhaseMoveNotAllowedException move) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("currentPhase", move.currentPhase());
            properties.put("requestedPhase", move.requestedPhase());
            properties.put("allowedMoves", move.allowedMoves());
            return new ConflictException("Phase move not allowed", move.getMessage(), properties);
        }
        if (error instanceof SessionStatusConflictException status) {
            return new ConflictException(
                    "Not allowed while the session is " + status.status(),
                    status.getMessage(),
                    Map.of("sessionStatus", status.status()));
        }
        if (error instanceof InvalidSessionInputException invalid) {
            return new InvalidRequestException(invalid.violations().stream()
                    .map(violation ->
                            new InvalidRequestException.FieldViolation(violation.field(), violation.message()))
                    .toList());
        }
        if (error instanceof TranscriptExistsException exists) {
            return new ConflictException(
                    "Transcript already present", exists.getMessage(), Map.of("transcriptSegments", exists.segments()));
        }
        if (error instanceof TranscriptUnreadableException unreadable) {
            ProblemDetail problem = ProblemDetailsAdvice.problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "transcript-unreadable",
                    "Transcript lines cannot be read",
                    unreadable.getMessage());
            problem.setProperty("lineErrors", unreadable.lineErrors());
            return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, unreadable);
        }
        return error;
    }
}

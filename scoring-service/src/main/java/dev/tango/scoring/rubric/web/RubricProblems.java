package dev.tango.scoring.rubric.web;

import dev.tango.scoring.rubric.InvalidRubricException;
import dev.tango.scoring.rubric.RubricAccessDeniedException;
import dev.tango.scoring.rubric.RubricConflictException;
import dev.tango.scoring.rubric.RubricNotFoundException;
import dev.tango.support.web.ConflictException;
import dev.tango.support.web.ForbiddenException;
import dev.tango.support.web.InvalidRequestException;
import dev.tango.support.web.NotFoundException;

/** Turns the rubric domain's refusals into the shared HTTP exceptions, which answer as problem details. */
final class RubricProblems {

    private RubricProblems() {}

    static Throwable translate(Throwable error) {
        if (error instanceof RubricNotFoundException notFound) {
            return new NotFoundException(notFound.kind(), notFound.id());
        }
        if (error instanceof RubricAccessDeniedException denied) {
            return new ForbiddenException(denied.getMessage());
        }
        if (error instanceof RubricConflictException conflict) {
            return new ConflictException(conflict.title(), conflict.getMessage(), conflict.properties());
        }
        if (error instanceof InvalidRubricException invalid) {
            return new InvalidRequestException(invalid.violations().stream()
                    .map(violation ->
                            new InvalidRequestException.FieldViolation(violation.field(), violation.message()))
                    .toList());
        }
        return error;
    }
}

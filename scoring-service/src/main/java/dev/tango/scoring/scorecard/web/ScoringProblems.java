package dev.tango.scoring.scorecard.web;

import dev.tango.scoring.scorecard.ScoringRuleException;
import dev.tango.support.web.ConflictException;
import dev.tango.support.web.ForbiddenException;
import dev.tango.support.web.InvalidRequestException;
import dev.tango.support.web.NotFoundException;

/** Turns the scoring domain's broken rules into the shared HTTP exceptions, which answer as problem details. */
final class ScoringProblems {

    private ScoringProblems() {}

    static Throwable translate(Throwable error) {
        if (error instanceof ScoringRuleException rule) {
            return switch (rule.kind()) {
                case INVALID -> new InvalidRequestException(rule.field(), rule.getMessage());
                case CONFLICT -> new ConflictException("Not possible now", rule.getMessage());
                case FORBIDDEN -> new ForbiddenException(rule.getMessage());
                case NOT_FOUND -> new NotFoundException(rule.field(), rule.getMessage());
            };
        }
        return error;
    }
}

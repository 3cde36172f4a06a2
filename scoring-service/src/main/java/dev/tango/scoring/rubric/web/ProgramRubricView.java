package dev.tango.scoring.rubric.web;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.scoring.rubric.Rubric;
import dev.tango.scoring.rubric.RubricAssignment;
import dev.tango.scoring.rubric.RubricInUse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The rubric a program uses now, and every choice it made.
 *
 * @param usesDefault true while the program never chose a rubric: it then uses the built-in partnership rubric
 * @param history every assignment, oldest first; each is in effect from its {@code effectiveFrom} until the next one's
 */
record ProgramRubricView(
        @Schema(type = "string") ProgramId programId, Current current, boolean usesDefault, List<Assignment> history) {

    static ProgramRubricView of(RubricInUse inUse) {
        Rubric rubric = inUse.current();
        RubricAssignment assignment = inUse.assignment();
        return new ProgramRubricView(
                inUse.program(),
                new Current(
                        rubric.ref().rubricId(),
                        rubric.ref().version(),
                        rubric.content().name(),
                        rubric.isBuiltIn(),
                        assignment == null ? null : assignment.effectiveFrom(),
                        assignment == null ? null : assignment.assignedBy()),
                inUse.isDefault(),
                inUse.history().stream().map(Assignment::of).toList());
    }

    /**
     * The version in use now.
     *
     * @param effectiveFrom when the program chose it; {@code null} for the default
     */
    record Current(
            String rubricId,
            int version,
            String name,
            boolean builtIn,
            Instant effectiveFrom,
            @Schema(type = "string") UserId assignedBy) {}

    /** One choice of a rubric version. */
    record Assignment(
            String rubricId,
            int version,
            Instant effectiveFrom,
            @Schema(type = "string") UserId assignedBy) {

        static Assignment of(RubricAssignment assignment) {
            return new Assignment(
                    assignment.rubric().rubricId(),
                    assignment.rubric().version(),
                    assignment.effectiveFrom(),
                    assignment.assignedBy());
        }
    }
}

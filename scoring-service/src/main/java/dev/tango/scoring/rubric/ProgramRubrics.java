package dev.tango.scoring.rubric;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rubric versions a program chose, oldest first: an append-only history. Each assignment takes effect strictly
 * after the one before it, so that for every instant exactly one assignment (or none, before the first) is in effect,
 * and replaying an event of that instant finds the same rubric.
 *
 * @param revision the number of assignments stored when this was read (0: none yet)
 */
public record ProgramRubrics(ProgramId program, List<RubricAssignment> assignments, long revision) {

    public ProgramRubrics {
        Objects.requireNonNull(program, "program");
        assignments = List.copyOf(assignments);
    }

    /** A program that never chose a rubric. */
    public static ProgramRubrics none(ProgramId program) {
        return new ProgramRubrics(program, List.of(), 0);
    }

    /** The assignment in effect now, if the program ever chose one. */
    public Optional<RubricAssignment> current() {
        return assignments.isEmpty() ? Optional.empty() : Optional.of(assignments.get(assignments.size() - 1));
    }

    /** The assignment in effect at that instant: the last one effective at or before it. */
    public Optional<RubricAssignment> inEffectAt(Instant at) {
        RubricAssignment found = null;
        for (RubricAssignment assignment : assignments) {
            if (assignment.effectiveFrom().isAfter(at)) {
                break;
            }
            found = assignment;
        }
        return Optional.ofNullable(found);
    }

    /**
     * The assignment of that version from now on, or empty if it is the one in effect already. It takes effect now (to
     * the millisecond, as stored), or a millisecond after the previous one if the clock has not moved past it.
     */
    public Optional<RubricAssignment> assign(RubricRef rubric, UserId by, Instant now) {
        if (current().map(assignment -> assignment.rubric().equals(rubric)).orElse(false)) {
            return Optional.empty();
        }
        Instant from = now.truncatedTo(ChronoUnit.MILLIS);
        Optional<Instant> previous = current().map(RubricAssignment::effectiveFrom);
        if (previous.isPresent() && !from.isAfter(previous.get())) {
            from = previous.get().plusMillis(1);
        }
        return Optional.of(new RubricAssignment(rubric, from, by));
    }

    /** This history with the assignment appended, as it is once stored. */
    public ProgramRubrics with(RubricAssignment assignment) {
        List<RubricAssignment> appended = new ArrayList<>(assignments);
        appended.add(assignment);
        return new ProgramRubrics(program, appended, revision + 1);
    }
}

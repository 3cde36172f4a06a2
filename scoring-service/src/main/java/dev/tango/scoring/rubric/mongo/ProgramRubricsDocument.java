package dev.tango.scoring.rubric.mongo;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.scoring.rubric.ProgramRubrics;
import dev.tango.scoring.rubric.RubricAssignment;
import dev.tango.scoring.rubric.RubricRef;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A program's rubric assignments, keyed by program id: an append-only list, oldest first, and the number of
 * assignments as the revision that conditional appends check.
 */
@Document(MongoProgramRubricStore.COLLECTION)
record ProgramRubricsDocument(@Id String id, List<Assignment> assignments, long revision) {

    ProgramRubrics toProgramRubrics() {
        return new ProgramRubrics(
                ProgramId.of(id),
                assignments == null
                        ? List.of()
                        : assignments.stream().map(Assignment::toAssignment).toList(),
                revision);
    }

    /** One assignment as stored. */
    record Assignment(String rubricId, int version, Instant effectiveFrom, String assignedBy) {

        static Assignment of(RubricAssignment assignment) {
            return new Assignment(
                    assignment.rubric().rubricId(),
                    assignment.rubric().version(),
                    assignment.effectiveFrom(),
                    assignment.assignedBy().value());
        }

        RubricAssignment toAssignment() {
            return new RubricAssignment(new RubricRef(rubricId, version), effectiveFrom, UserId.of(assignedBy));
        }
    }
}

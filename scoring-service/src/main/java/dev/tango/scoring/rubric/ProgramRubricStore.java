package dev.tango.scoring.rubric;

import dev.tango.events.ProgramId;
import reactor.core.publisher.Mono;

/** Where each program's rubric assignments are kept: one record per program, appended to and never rewritten. */
public interface ProgramRubricStore {

    /** The program's assignments; empty if it never chose a rubric. */
    Mono<ProgramRubrics> find(ProgramId program);

    /**
     * Appends the assignment if the program's record still holds what {@code read} holds (its revision), and emits the
     * record as stored. Empty if another assignment was stored meanwhile.
     */
    Mono<ProgramRubrics> append(ProgramRubrics read, RubricAssignment assignment);
}

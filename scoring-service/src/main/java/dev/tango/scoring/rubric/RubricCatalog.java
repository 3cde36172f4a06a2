package dev.tango.scoring.rubric;

import dev.tango.events.ProgramId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * The rubrics as scoring needs them, without any caller: the lookups behind scorecards. Implemented by
 * {@link RubricService} (bean {@code rubricService}).
 */
public interface RubricCatalog {

    /** A published or draft version; empty if none. */
    Mono<Rubric> find(RubricRef ref);

    /**
     * The rubric version the program uses at that instant (its assignment in effect then), or the built-in partnership
     * rubric's latest published version if the program never chose one. Deterministic for a given instant (assignment
     * history with effective-from times), so replaying an event gives the same answer.
     */
    Mono<Rubric> inUseBy(ProgramId program, Instant at);
}

package dev.tango.scoring.rubric;

import dev.tango.events.ProgramId;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where rubric versions are kept, one record per version. Nothing is ever deleted; only a DRAFT is ever changed, and
 * only by a write conditional on the revision that was read.
 */
public interface RubricStore {

    /**
     * Declares the indexes behind the lists. A failure is logged and completes all the same: the lists then only get
     * slower.
     */
    Mono<Void> declareIndexes();

    Mono<StoredRubric> find(RubricRef ref);

    /** Every stored version of one rubric, oldest first. */
    Flux<StoredRubric> versions(String rubricId);

    /** Every stored version of the built-in rubrics and of the rubrics these programs own. */
    Flux<StoredRubric> builtInOrOwnedBy(Set<ProgramId> programs);

    /** Stores a new version at revision 0; empty if that version of that rubric exists already. */
    Mono<StoredRubric> insert(Rubric rubric);

    /**
     * Replaces a stored DRAFT with the given state of it (changed content, or published), if it is still a DRAFT at
     * {@code revision}; emits it at the next revision. Empty if it is not (published, changed meanwhile, or absent).
     */
    Mono<StoredRubric> replaceDraft(Rubric changed, long revision);
}

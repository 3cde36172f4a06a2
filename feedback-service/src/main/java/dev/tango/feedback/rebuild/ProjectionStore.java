package dev.tango.feedback.rebuild;

import reactor.core.publisher.Mono;

/** The stored state of a projection, which a rebuild empties. */
public interface ProjectionStore {

    /** The collections it keeps, for the rebuild's report. */
    String name();

    /** Removes all of it; answers how many documents went. */
    Mono<Long> reset();
}

package dev.tango.scoring.rubric;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Once the service is ready, declares the rubric indexes and then stores the built-in rubrics (one after the other:
 * on the embedded server an insert racing the index creation on a new collection failed). Insert if absent, by id, so every
 * start (and every instance) may run it. A stored copy that differs from the shipped one is kept, with an error in the log: a published version
 * never changes, and scorecards were computed with the stored one. Until the store answers, lookups fall back to the
 * shipped copy, so a slow database only delays this.
 */
@Component
class BuiltInRubricSeeder {

    private static final Logger log = LoggerFactory.getLogger(BuiltInRubricSeeder.class);

    /** What became of one built-in version. */
    enum Outcome {
        INSERTED,
        PRESENT,
        KEPT_DIFFERENT
    }

    private final BuiltInRubrics builtIns;
    private final RubricStore store;

    BuiltInRubricSeeder(BuiltInRubrics builtIns, RubricStore store) {
        this.builtIns = builtIns;
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedInTheBackground() {
        store.declareIndexes()
                .thenMany(seed())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500))
                        .maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(retry -> log.warn(
                                "Could not store the built-in rubrics yet, retrying: {}",
                                retry.failure().toString())))
                .subscribe();
    }

    Flux<Outcome> seed() {
        return Flux.fromIterable(builtIns.all()).concatMap(this::seed);
    }

    private Mono<Outcome> seed(Rubric shipped) {
        return store.insert(shipped)
                .map(inserted -> {
                    log.info("Stored the built-in rubric {}", shipped.ref());
                    return Outcome.INSERTED;
                })
                .switchIfEmpty(Mono.defer(() -> store.find(shipped.ref()).map(stored -> {
                    if (stored.rubric().equals(shipped)) {
                        return Outcome.PRESENT;
                    }
                    log.error(
                            "The stored built-in rubric {} differs from the one this version of the service ships;"
                                    + " keeping the stored one, since a published version never changes",
                            shipped.ref());
                    return Outcome.KEPT_DIFFERENT;
                })));
    }
}

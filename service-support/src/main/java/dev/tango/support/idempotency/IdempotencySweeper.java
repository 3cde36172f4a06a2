package dev.tango.support.idempotency;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes expired {@link IdempotencyRecord}s every {@code sweep-interval}. Correctness does not depend on it (an
 * expired record is ignored when found); it only keeps the collection small, also where no TTL index runs.
 */
public class IdempotencySweeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdempotencySweeper.class);

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration interval;
    private volatile Disposable schedule;

    public IdempotencySweeper(IdempotencyStore store, Clock clock, Duration interval) {
        this.store = store;
        this.clock = clock;
        this.interval = interval;
    }

    /** Declares the expiry index (where the server supports it) and starts sweeping; returns at once. */
    public synchronized void start() {
        if (schedule != null) {
            return;
        }
        store.declareExpiryIndex()
                .subscribe(
                        null,
                        e -> log.info("No expiry index on idempotency keys, the sweep removes them: {}", e.toString()));
        schedule = Flux.interval(interval, interval)
                .concatMap(tick -> sweep().onErrorResume(e -> {
                    log.warn("Sweeping expired idempotency keys failed, the next sweep retries: {}", e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    /** Deletes the records expired by now; returns how many. */
    public Mono<Long> sweep() {
        return store.removeExpired(clock.instant()).doOnNext(removed -> {
            if (removed > 0) {
                log.debug("Removed {} expired idempotency keys", removed);
            }
        });
    }

    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.dispose();
        }
    }
}

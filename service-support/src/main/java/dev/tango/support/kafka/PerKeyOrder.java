package dev.tango.support.kafka;

import dev.tango.support.web.DatabaseUnavailable;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * Runs asynchronous work one at a time per key, in the order it was submitted. A listener with an asynchronous return
 * type is handed the next record before the previous one completed; chaining by session id keeps one session's events
 * from racing each other for the same document, while different sessions still proceed concurrently.
 *
 * <p>Work that fails because the database is away ({@link DatabaseUnavailable#isCause}) is not poison: it is tried
 * again, from {@link #OUTAGE_FIRST_RETRY} doubling up to {@link #OUTAGE_MAX_RETRY_INTERVAL}, for up to {@link
 * #OUTAGE_RETRY_FOR}, and later work for the same key waits meanwhile. Without this, an event consumed during a short
 * MongoDB outage failed at once, went to the dead-letter topic, and its session's projection never saw it.
 */
public final class PerKeyOrder {

    public static final Duration OUTAGE_FIRST_RETRY = Duration.ofMillis(500);
    public static final Duration OUTAGE_MAX_RETRY_INTERVAL = Duration.ofSeconds(5);
    public static final Duration OUTAGE_RETRY_FOR = Duration.ofMinutes(4);

    private final ConcurrentMap<String, Mono<Void>> tails = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final Duration firstRetry;
    private final Duration retryFor;

    /** @param timeout how long one attempt at a piece of work may take */
    public PerKeyOrder(Duration timeout) {
        this(timeout, OUTAGE_FIRST_RETRY, OUTAGE_RETRY_FOR);
    }

    PerKeyOrder(Duration timeout, Duration firstRetry, Duration retryFor) {
        this.timeout = timeout;
        this.firstRetry = firstRetry;
        this.retryFor = retryFor;
    }

    /** The work, started once every earlier work for the same key has finished (successfully or not). */
    public Mono<Void> submit(String key, Supplier<Mono<?>> work) {
        Sinks.Empty<Void> finished = Sinks.empty();
        Mono<Void> tail = finished.asMono();
        Mono<Void> previous = tails.put(key, tail);
        Mono<Void> before = previous == null ? Mono.empty() : previous;
        // Deferred, so that the outage deadline counts from when the work starts, not from when it was queued.
        return before.then(Mono.defer(
                        () -> Mono.defer(work).timeout(timeout).then().retryWhen(outageRetry())))
                .doFinally(signal -> {
                    tails.remove(key, tail);
                    finished.tryEmitEmpty();
                });
    }

    private Retry outageRetry() {
        long attempts = Math.max(1, retryFor.toMillis() / OUTAGE_MAX_RETRY_INTERVAL.toMillis() + 4);
        Duration deadline = retryFor;
        long start = System.nanoTime();
        return Retry.backoff(attempts, firstRetry)
                .maxBackoff(OUTAGE_MAX_RETRY_INTERVAL)
                .filter(error -> DatabaseUnavailable.isCause(error)
                        && Duration.ofNanos(System.nanoTime() - start).compareTo(deadline) < 0)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    /** Keys with work queued or running; for tests and diagnostics. */
    public int activeKeys() {
        return tails.size();
    }
}

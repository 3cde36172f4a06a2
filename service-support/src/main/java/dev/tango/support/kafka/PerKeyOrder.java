package dev.tango.support.kafka;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs asynchronous work one at a time per key, in the order it was submitted. A listener with an asynchronous return
 * type is handed the next record before the previous one completed; chaining by session id keeps one session's events
 * from racing each other for the same document, while different sessions still proceed concurrently.
 */
public final class PerKeyOrder {

    private final ConcurrentMap<String, Mono<Void>> tails = new ConcurrentHashMap<>();
    private final Duration timeout;

    public PerKeyOrder(Duration timeout) {
        this.timeout = timeout;
    }

    /** The work, started once every earlier work for the same key has finished (successfully or not). */
    public Mono<Void> submit(String key, Supplier<Mono<?>> work) {
        Sinks.Empty<Void> finished = Sinks.empty();
        Mono<Void> tail = finished.asMono();
        Mono<Void> previous = tails.put(key, tail);
        Mono<Void> before = previous == null ? Mono.empty() : previous;
        return before.then(Mono.defer(work).timeout(timeout).then()).doFinally(signal -> {
            tails.remove(key, tail);
            finished.tryEmitEmpty();
        });
    }

    /** Keys with work queued or running; for tests and diagnostics. */
    public int activeKeys() {
        return tails.size();
    }
}

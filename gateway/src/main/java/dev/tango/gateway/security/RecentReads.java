package dev.tango.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Values read from the database, kept for a short time once their read has <b>completed</b>. Only completed values are
 * shared: a miss runs its own read and keeps its result when it arrives, so two concurrent misses for one key read
 * twice, and no request ever waits on another request's read (the reverted first cache, 4f9bf12, shared in-flight
 * futures, and with it a request could wait forever).
 *
 * <p>{@link #invalidate} takes effect at once, also on reads already in flight: every invalidation advances a
 * generation, a read notes the generation before it starts, and its value is kept only if no invalidation came in
 * between. The check and the put are one {@code compute} on the key, which {@link Cache#invalidate} also goes
 * through, so an invalidation either comes first (nothing is put) or removes what was put before it returns.
 */
final class RecentReads<K, V> {

    private final Cache<K, V> cache;
    private final AtomicLong generation = new AtomicLong();

    private RecentReads(Cache<K, V> cache) {
        this.cache = cache;
    }

    static <K, V> RecentReads<K, V> keptFor(Duration ttl, long maxEntries, Ticker ticker) {
        return new RecentReads<>(Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maxEntries)
                .ticker(ticker)
                .recordStats()
                .build());
    }

    /** Binds the cache's statistics (hits, misses, evictions, size) to Micrometer under this cache name. */
    RecentReads<K, V> monitoredBy(MeterRegistry meters, String name) {
        CaffeineCacheMetrics.monitor(meters, cache, name);
        return this;
    }

    /** The kept value for the key, or else {@code read}'s (kept when it completes, unless invalidated meanwhile). */
    Mono<V> get(K key, Function<? super K, Mono<V>> read) {
        return Mono.defer(() -> {
            V kept = cache.getIfPresent(key);
            if (kept != null) {
                return Mono.just(kept);
            }
            long readFrom = generation.get();
            return read.apply(key).doOnNext(value -> keep(key, value, readFrom));
        });
    }

    /** Forgets the key, and makes every read in flight forget its value instead of keeping it. */
    void invalidate(K key) {
        generation.incrementAndGet();
        cache.invalidate(key);
    }

    private void keep(K key, V value, long readFrom) {
        cache.asMap().compute(key, (k, current) -> generation.get() == readFrom ? value : current);
    }
}

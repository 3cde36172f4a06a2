package dev.tango.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class RecentReadsTest {

    private static final Duration TTL = Duration.ofSeconds(5);

    private final AtomicLong nanos = new AtomicLong();
    private final RecentReads<String, String> reads = RecentReads.keptFor(TTL, 100, nanos::get);
    private final AtomicInteger readCount = new AtomicInteger();

    @Test
    void aCompletedReadIsKeptForTheNextGet() {
        StepVerifier.create(reads.get("k", this::read)).expectNext("value-1").verifyComplete();
        StepVerifier.create(reads.get("k", this::read)).expectNext("value-1").verifyComplete();

        assertThat(readCount).hasValue(1);
    }

    @Test
    void aKeptValueIsReadAgainAfterTheTtl() {
        reads.get("k", this::read).block(Duration.ofSeconds(5));
        nanos.addAndGet(TTL.toNanos() + 1);

        StepVerifier.create(reads.get("k", this::read)).expectNext("value-2").verifyComplete();
        assertThat(readCount).hasValue(2);
    }

    @Test
    void anInvalidatedKeyIsReadAgain() {
        reads.get("k", this::read).block(Duration.ofSeconds(5));

        reads.invalidate("k");

        StepVerifier.create(reads.get("k", this::read)).expectNext("value-2").verifyComplete();
        assertThat(readCount).hasValue(2);
    }

    @Test
    void aReadThatCompletesAfterAnInvalidationAnswersItsCallerButIsNotKept() {
        Sinks.One<String> slowRead = Sinks.one();
        AtomicReference<String> answered = new AtomicReference<>();

        // The read starts before the invalidation and completes after it, with what it read before it.
        reads.get("k", key -> slowRead.asMono()).subscribe(answered::set);
        reads.invalidate("k");
        slowRead.tryEmitValue("stale");

        assertThat(answered).hasValue("stale");
        StepVerifier.create(reads.get("k", this::read)).expectNext("value-1").verifyComplete();
        assertThat(readCount).as("the stale value was not kept").hasValue(1);
    }

    @Test
    void aTtlOfZeroKeepsNothing() {
        RecentReads<String, String> uncached = RecentReads.keptFor(Duration.ZERO, 100, nanos::get);

        uncached.get("k", this::read).block(Duration.ofSeconds(5));
        uncached.get("k", this::read).block(Duration.ofSeconds(5));

        assertThat(readCount).hasValue(2);
    }

    @Test
    void anEmptyOrFailedReadIsNotKeptAndNoCallerWaitsForAnother() {
        StepVerifier.create(reads.get("k", key -> Mono.empty())).verifyComplete();
        StepVerifier.create(reads.get("k", key -> Mono.error(new IllegalStateException("database away"))))
                .verifyError(IllegalStateException.class);
        // A read that never completes holds up only its own caller.
        reads.get("k", key -> Mono.never()).subscribe();

        StepVerifier.create(reads.get("k", this::read)).expectNext("value-1").verifyComplete();
    }

    @Test
    void underInvalidationsWhileReadsAreInFlightEveryGetAnswersAndTheLastWriteIsSeenAtOnce() {
        AtomicReference<String> stored = new AtomicReference<>("v0");
        AtomicBoolean writing = new AtomicBoolean(true);
        // Each read returns what is stored when it runs, completing later on another thread.
        java.util.function.Function<String, Mono<String>> database = key -> Mono.fromCallable(stored::get)
                .subscribeOn(Schedulers.parallel())
                .delayElement(Duration.ofMillis(1), Schedulers.parallel());
        List<String> seenAfterLastWrite = new CopyOnWriteArrayList<>();

        Mono<Long> readers = Flux.range(0, 64)
                .flatMap(
                        // A pause before each get, so that a lane hitting the cache does not spin on one thread.
                        lane -> Mono.delay(Duration.ofMillis(1), Schedulers.boundedElastic())
                                .then(reads.get("k", database))
                                .timeout(Duration.ofSeconds(5))
                                .repeat(writing::get)
                                .count(),
                        64)
                .reduce(0L, Long::sum);
        Mono<Void> writer = Flux.range(1, 500)
                .concatMap(i -> Mono.fromRunnable(() -> {
                            // As the gateway does: the store is changed first, then the event invalidates.
                            stored.set("v" + i);
                            reads.invalidate("k");
                        })
                        .subscribeOn(Schedulers.boundedElastic())
                        .then(Mono.delay(Duration.ofMillis(2), Schedulers.boundedElastic())))
                .then(Mono.fromRunnable(() -> {
                    for (int i = 0; i < 50; i++) {
                        seenAfterLastWrite.add(reads.get("k", database).block(Duration.ofSeconds(5)));
                    }
                    writing.set(false);
                }))
                .subscribeOn(Schedulers.boundedElastic())
                .then();

        StepVerifier.create(Mono.zip(readers, writer.thenReturn(true)).map(both -> both.getT1()))
                .assertNext(gets -> assertThat(gets).isGreaterThan(500))
                .verifyComplete();
        assertThat(seenAfterLastWrite).hasSize(50).containsOnly("v500");
    }

    private Mono<String> read(String key) {
        return Mono.fromSupplier(() -> "value-" + readCount.incrementAndGet());
    }

    @Test
    void itsStatisticsAreBoundToMicrometer() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RecentReads<String, String> monitored =
                RecentReads.<String, String>keptFor(TTL, 100, nanos::get).monitoredBy(meters, "test.reads");

        monitored.get("k", this::read).block(Duration.ofSeconds(5));
        monitored.get("k", this::read).block(Duration.ofSeconds(5));

        assertThat(meters.get("cache.gets")
                        .tag("cache", "test.reads")
                        .tag("result", "hit")
                        .functionCounter()
                        .count())
                .isEqualTo(1.0);
        assertThat(meters.get("cache.gets")
                        .tag("cache", "test.reads")
                        .tag("result", "miss")
                        .functionCounter()
                        .count())
                .isEqualTo(1.0);
    }
}

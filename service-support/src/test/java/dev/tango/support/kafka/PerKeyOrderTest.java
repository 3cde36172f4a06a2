package dev.tango.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class PerKeyOrderTest {

    private final PerKeyOrder order = new PerKeyOrder(Duration.ofSeconds(5));
    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void startsWorkForAKeyOnlyAfterEarlierWorkForThatKeyFinished() {
        Sinks.Empty<Void> firstMayFinish = Sinks.empty();
        Mono<Void> first = order.submit(
                "session-1",
                () -> Mono.fromRunnable(() -> log.add("first started"))
                        .then(firstMayFinish.asMono())
                        .doOnSuccess(v -> log.add("first finished")));
        Mono<Void> second = order.submit("session-1", () -> Mono.fromRunnable(() -> log.add("second")));
        Mono<Void> other = order.submit("session-2", () -> Mono.fromRunnable(() -> log.add("other session")));

        first.subscribe();
        second.subscribe();
        StepVerifier.create(other).verifyComplete();
        assertThat(log).containsExactly("first started", "other session");

        firstMayFinish.tryEmitEmpty();

        assertThat(log).containsExactly("first started", "other session", "first finished", "second");
        assertThat(order.activeKeys()).isZero();
    }

    @Test
    void aFailureDoesNotHoldUpLaterWorkForTheSameKey() {
        Mono<Void> failing = order.submit("session-1", () -> Mono.error(new IllegalStateException("boom")));
        Mono<Void> next = order.submit("session-1", () -> Mono.fromRunnable(() -> log.add("next")));

        StepVerifier.create(failing).verifyError(IllegalStateException.class);
        StepVerifier.create(next).verifyComplete();
        assertThat(log).containsExactly("next");
    }

    @Test
    void workThatMeetsADatabaseOutageIsTriedAgainUntilTheDatabaseIsBackAndLaterWorkWaits() {
        PerKeyOrder patient = new PerKeyOrder(Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofSeconds(30));
        AtomicInteger attempts = new AtomicInteger();
        Mono<Void> outage = patient.submit(
                "session-1",
                () -> Mono.defer(() -> attempts.incrementAndGet() <= 5
                        ? Mono.error(new DataAccessResourceFailureException(
                                "no server", new MongoTimeoutException("no server")))
                        : Mono.fromRunnable(() -> log.add("applied after " + attempts.get() + " attempts"))));
        Mono<Void> next = patient.submit("session-1", () -> Mono.fromRunnable(() -> log.add("next")));

        outage.subscribe();
        StepVerifier.create(next).verifyComplete();

        assertThat(log).containsExactly("applied after 6 attempts", "next");
    }

    @Test
    void anOutageLongerThanTheRetriesIsReportedAfterAll() {
        PerKeyOrder patient = new PerKeyOrder(Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofMillis(200));

        StepVerifier.create(patient.submit("session-1", () -> Mono.error(new MongoTimeoutException("no server"))))
                .verifyError(MongoTimeoutException.class);
    }

    @Test
    void otherFailuresAreNotTriedAgain() {
        PerKeyOrder patient = new PerKeyOrder(Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofSeconds(30));
        AtomicInteger attempts = new AtomicInteger();

        StepVerifier.create(patient.submit(
                        "session-1",
                        () -> Mono.defer(() -> {
                            attempts.incrementAndGet();
                            return Mono.error(new IllegalStateException("poison"));
                        })))
                .verifyError(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }
}

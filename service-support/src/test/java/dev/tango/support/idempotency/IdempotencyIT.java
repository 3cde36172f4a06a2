package dev.tango.support.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tango.support.security.Caller;
import dev.tango.support.web.ConflictException;
import dev.tango.testsupport.ServiceIntegrationTest;
import dev.tango.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The filter in a small service of its own: real JWTs, the real MongoDB-protocol server, a controller that counts how
 * often it runs. Each test uses its own callers and keys, so no test sees another's records.
 */
@ServiceIntegrationTest
@AutoConfigureWebTestClient
@TestPropertySource(
        properties = {
            "spring.config.import=classpath:tango-defaults.yml",
            "spring.application.name=idempotency-it",
            "spring.mongodb.database=idempotency_it",
            "tango.idempotency.max-body-size=1KB"
        })
class IdempotencyIT {

    private static final String THINGS = "/api/idempotency-test/things";
    private static final String HELD_THINGS = "/api/idempotency-test/held-things";
    private static final String DERIVED_IDS = "/api/idempotency-test/derived-ids";

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoOperations mongo;

    @Autowired
    ThingsController things;

    @Autowired
    MutableClock clock;

    @Autowired
    MeterRegistry meters;

    @Autowired
    IdempotencySweeper sweeper;

    private final String user = "user-" + UUID.randomUUID();
    private final String key = UUID.randomUUID().toString();

    @BeforeEach
    void longerTimeoutForHeldRequests() {
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterEach
    void openTheGate() {
        things.gate.getAndSet(new CompletableFuture<>()).complete(null);
        things.refusing.set(false);
    }

    @Test
    void runsTheSameRequestOnceAndReplaysItsStatusLocationAndBody() {
        int calls = things.calls.get();
        double executed = count("executed");
        double replayed = count("replayed");

        EntityExchangeResult<String> first = post(THINGS, user, key, "{\"name\":\"first\"}")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist(IdempotencyFilter.REPLAYED_HEADER)
                .expectBody(String.class)
                .returnResult();
        EntityExchangeResult<String> again = post(THINGS, user, key, "{\"name\":\"first\"}")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(IdempotencyFilter.REPLAYED_HEADER, "true")
                .expectBody(String.class)
                .returnResult();

        assertThat(things.calls.get() - calls).isEqualTo(1);
        assertThat(first.getResponseHeaders().getLocation()).isNotNull();
        assertThat(again.getResponseHeaders().getLocation())
                .isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(again.getResponseHeaders().getContentType())
                .isEqualTo(first.getResponseHeaders().getContentType());
        assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody()).contains("\"name\":\"first\"");
        assertThat(record(user, key).state()).isEqualTo(IdempotencyRecord.State.COMPLETED);
        assertThat(record(user, key).caller()).isEqualTo(user);
        assertThat(record(user, key).status()).isEqualTo(201);
        assertThat(count("executed") - executed).isEqualTo(1);
        assertThat(count("replayed") - replayed).isEqualTo(1);
    }

    @Test
    void refusesTheKeyForADifferentBodyWith422WithoutRunningOrChangingAnything() {
        post(THINGS, user, key, "{\"name\":\"first\"}").expectStatus().isCreated();
        IdempotencyRecord stored = record(user, key);
        int calls = things.calls.get();
        double mismatches = count("mismatch");

        post(THINGS, user, key, "{\"name\":\"second\"}")
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://tango.dev/problems/idempotency-key-reused")
                .jsonPath("$.detail")
                .isEqualTo("This Idempotency-Key was already used for a different request");

        assertThat(things.calls.get()).isEqualTo(calls);
        assertThat(record(user, key)).isEqualTo(stored);
        assertThat(count("mismatch") - mismatches).isEqualTo(1);
    }

    @Test
    void aRefusedRequestLeavesNoRecordAndARetryWithTheSameKeyRuns() {
        things.refusing.set(true);
        int calls = things.calls.get();

        post(THINGS, user, key, "{\"name\":\"refused\"}")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://tango.dev/problems/conflict");
        assertThat(findRecord(user, key)).isNull();

        things.refusing.set(false);
        post(THINGS, user, key, "{\"name\":\"refused\"}")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist(IdempotencyFilter.REPLAYED_HEADER);

        assertThat(things.calls.get() - calls).isEqualTo(2);
        assertThat(record(user, key).state()).isEqualTo(IdempotencyRecord.State.COMPLETED);
    }

    @Test
    void twoCallersWithTheSameKeyDoNotShareResults() {
        String other = "user-" + UUID.randomUUID();
        int calls = things.calls.get();

        String mine = post(THINGS, user, key, "{\"name\":\"same\"}")
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String theirs = post(THINGS, other, key, "{\"name\":\"same\"}")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist(IdempotencyFilter.REPLAYED_HEADER)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String mineAgain = post(THINGS, user, key, "{\"name\":\"same\"}")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(IdempotencyFilter.REPLAYED_HEADER, "true")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(things.calls.get() - calls).isEqualTo(2);
        assertThat(theirs).contains(other).isNotEqualTo(mine);
        assertThat(mineAgain).isEqualTo(mine).contains(user);
    }

    @Test
    void requestsWithoutTheHeaderAreUntouched() {
        int calls = things.calls.get();

        for (int i = 0; i < 2; i++) {
            web.post()
                    .uri(THINGS)
                    .headers(headers -> headers.setBearerAuth(TestTokens.get().student(user)))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\":\"plain\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectHeader()
                    .doesNotExist(IdempotencyFilter.REPLAYED_HEADER);
        }

        assertThat(things.calls.get() - calls).isEqualTo(2);
        assertThat(mongo.count(Query.query(Criteria.where("caller").is(user)), IdempotencyRecord.COLLECTION)
                        .block())
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "caf\u00e9"})
    void refusesAnInvalidKeyWith400NamingTheHeader(String invalid) {
        assertInvalidKey(invalid);
    }

    @Test
    void refusesAKeyLongerThan255CharactersWith400() {
        assertInvalidKey("k".repeat(256));
    }

    @Test
    void refusesTwoKeysWith400() {
        int calls = things.calls.get();

        web.post()
                .uri(THINGS)
                .headers(headers -> headers.setBearerAuth(TestTokens.get().student(user)))
                .header(IdempotencyKey.HEADER, "one", "two")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\"}")
                .exchange()
                .expectStatus()
                .isBadRequest();

        assertThat(things.calls.get()).isEqualTo(calls);
    }

    @Test
    void answers409WithRetryAfterWhileTheFirstRequestIsStillRunning() {
        double inProgress = count("in_progress");
        int held = things.held.get();
        CompletableFuture<EntityExchangeResult<String>> first = postInBackground(HELD_THINGS, "{\"name\":\"slow\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> things.held.get() == held + 1);

        post(HELD_THINGS, user, key, "{\"name\":\"slow\"}")
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://tango.dev/problems/idempotency-key-in-progress")
                .jsonPath("$.detail")
                .isEqualTo("A request with this Idempotency-Key is still being processed; retry later");
        assertThat(record(user, key).state()).isEqualTo(IdempotencyRecord.State.PENDING);

        things.gate.get().complete(null);
        String firstBody = first.join().getResponseBody();
        String replay = post(HELD_THINGS, user, key, "{\"name\":\"slow\"}")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(IdempotencyFilter.REPLAYED_HEADER, "true")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(things.held.get() - held).isEqualTo(1);
        assertThat(replay).isEqualTo(firstBody);
        assertThat(count("in_progress") - inProgress).isEqualTo(1);
    }

    @Test
    void aRequestWhoseClientWentAwayRunsToItsEndAndTheRetryIsReplayed() {
        // Scenario 2 of RELIABILITY.md: a client gave up on a retraction; cancelled, its key stayed PENDING, and the
        // run
        // after the take-over found the observation retracted already and answered 409 to every retry.
        int held = things.held.get();
        WebTestClient impatient =
                web.mutate().responseTimeout(Duration.ofSeconds(5)).build();
        CompletableFuture<Void> gaveUp =
                CompletableFuture.runAsync(() -> post(impatient, HELD_THINGS, user, key, "{\"name\":\"abandoned\"}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> things.held.get() == held + 1);
        // The gate is closed: the client times out and closes its connection while the handler waits.
        assertThatThrownBy(gaveUp::join).isInstanceOf(java.util.concurrent.CompletionException.class);

        things.gate.get().complete(null);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> record(user, key).state() == IdempotencyRecord.State.COMPLETED);
        post(HELD_THINGS, user, key, "{\"name\":\"abandoned\"}")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(IdempotencyFilter.REPLAYED_HEADER, "true")
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("abandoned");
        assertThat(things.held.get() - held).isEqualTo(1);
    }

    @Test
    void takesOverAKeyHeldLongerThanThePendingTimeoutAndOnlyTheNewHolderCompletesIt() {
        int held = things.held.get();
        CompletableFuture<EntityExchangeResult<String>> stuck = postInBackground(HELD_THINGS, "{\"name\":\"stuck\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> things.held.get() == held + 1);
        IdempotencyRecord stale = record(user, key);

        clock.advance(Duration.ofSeconds(61));
        CompletableFuture<EntityExchangeResult<String>> takeover =
                postInBackground(HELD_THINGS, "{\"name\":\"stuck\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> things.held.get() == held + 2);
        assertThat(record(user, key).claim()).isNotEqualTo(stale.claim());

        things.gate.get().complete(null);
        stuck.join();
        String newHolders = takeover.join().getResponseBody();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> record(user, key).state() == IdempotencyRecord.State.COMPLETED);
        post(HELD_THINGS, user, key, "{\"name\":\"stuck\"}")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(IdempotencyFilter.REPLAYED_HEADER, "true")
                .expectBody(String.class)
                .isEqualTo(newHolders);
    }

    @Test
    void ignoresAnExpiredRecordAndRunsTheRequestAgain() {
        int calls = things.calls.get();
        post(THINGS, user, key, "{\"name\":\"old\"}").expectStatus().isCreated();

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        post(THINGS, user, key, "{\"name\":\"old\"}")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist(IdempotencyFilter.REPLAYED_HEADER);

        assertThat(things.calls.get() - calls).isEqualTo(2);
        assertThat(record(user, key).expiresAt()).isAfter(clock.instant());
    }

    @Test
    void theSweepDeletesExpiredRecords() {
        post(THINGS, user, key, "{\"name\":\"swept\"}").expectStatus().isCreated();
        assertThat(findRecord(user, key)).isNotNull();

        clock.advance(Duration.ofHours(25));
        StepVerifier.create(sweeper.sweep())
                .assertNext(removed -> assertThat(removed).isPositive())
                .verifyComplete();

        assertThat(findRecord(user, key)).isNull();
    }

    @Test
    void refusesABodyOverTheLimitWith413WithoutRunningTheHandler() {
        int calls = things.calls.get();

        post(THINGS, user, key, "{\"name\":\"" + "x".repeat(2048) + "\"}")
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://tango.dev/problems/too-large");

        assertThat(things.calls.get()).isEqualTo(calls);
        assertThat(findRecord(user, key)).isNull();
    }

    @Test
    void aRunAfterATakeOverDerivesTheSameIdsAsTheFirstRun() {
        int calls = things.calls.get();
        String first = derivedId(user, key);
        // The first run stored its write but died before completing the key: PENDING until pending-timeout.
        mongo.updateFirst(
                        Query.query(
                                Criteria.where("_id").is(RequestFingerprint.recordId(user, new IdempotencyKey(key)))),
                        new Update().set("state", IdempotencyRecord.State.PENDING.name()),
                        IdempotencyRecord.COLLECTION)
                .block();
        clock.advance(Duration.ofMinutes(2));

        String again = post(DERIVED_IDS, user, key, "{\"name\":\"x\"}")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist(IdempotencyFilter.REPLAYED_HEADER)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(things.calls.get() - calls).isEqualTo(2);
        assertThat(again).isEqualTo(first);
        assertThat(derivedId(user, UUID.randomUUID().toString())).isNotEqualTo(first);
        assertThat(derivedId("user-" + UUID.randomUUID(), key)).isNotEqualTo(first);
        String unkeyed = web.post()
                .uri(DERIVED_IDS)
                .headers(headers -> headers.setBearerAuth(TestTokens.get().student(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\"}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(unkeyed).isNotEqualTo(first).startsWith("random-");

        // The key reused for another request once its record expired: another request, another id.
        mongo.updateFirst(
                        Query.query(
                                Criteria.where("_id").is(RequestFingerprint.recordId(user, new IdempotencyKey(key)))),
                        new Update().set("expiresAt", clock.instant().minusSeconds(1)),
                        IdempotencyRecord.COLLECTION)
                .block();
        String reused = post(DERIVED_IDS, user, key, "{\"name\":\"y\"}")
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(reused).isNotEqualTo(first);
    }

    private String derivedId(String caller, String idempotencyKey) {
        return post(DERIVED_IDS, caller, idempotencyKey, "{\"name\":\"x\"}")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist(IdempotencyFilter.REPLAYED_HEADER)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private void assertInvalidKey(String invalid) {
        int calls = things.calls.get();

        post(THINGS, user, invalid, "{\"name\":\"x\"}")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://tango.dev/problems/invalid-request")
                .jsonPath("$.errors[0].field")
                .isEqualTo("Idempotency-Key")
                .jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).contains("Idempotency-Key"));

        assertThat(things.calls.get()).isEqualTo(calls);
    }

    private WebTestClient.ResponseSpec post(String path, String caller, String idempotencyKey, String body) {
        return post(web, path, caller, idempotencyKey, body);
    }

    private static WebTestClient.ResponseSpec post(
            WebTestClient client, String path, String caller, String idempotencyKey, String body) {
        return client.post()
                .uri(path)
                .headers(headers -> headers.setBearerAuth(TestTokens.get().student(caller)))
                .header(IdempotencyKey.HEADER, idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private CompletableFuture<EntityExchangeResult<String>> postInBackground(String path, String body) {
        return CompletableFuture.supplyAsync(() -> post(path, user, key, body)
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult());
    }

    private IdempotencyRecord record(String caller, String idempotencyKey) {
        IdempotencyRecord found = findRecord(caller, idempotencyKey);
        assertThat(found).as("the record of %s's key", caller).isNotNull();
        return found;
    }

    private IdempotencyRecord findRecord(String caller, String idempotencyKey) {
        return mongo.findById(
                        RequestFingerprint.recordId(caller, new IdempotencyKey(idempotencyKey)),
                        IdempotencyRecord.class,
                        IdempotencyRecord.COLLECTION)
                .block();
    }

    private double count(String outcome) {
        return meters.get(IdempotencyFilter.METRIC)
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ThingsController.class)
    static class TestService {

        @Bean
        MutableClock testClock() {
            return new MutableClock(Instant.now());
        }
    }

    /** A clock the tests move forward; replaces the service's {@link Clock}. */
    static final class MutableClock extends Clock {

        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }

    record ThingRequest(String name) {}

    record Thing(int number, String name, String caller) {}

    /** Creates things, counting every call; refuses with 409 while told to; the held variant waits for the gate. */
    @RestController
    @RequestMapping("/api/idempotency-test")
    static class ThingsController {

        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger held = new AtomicInteger();
        final AtomicBoolean refusing = new AtomicBoolean();
        final AtomicReference<CompletableFuture<Void>> gate = new AtomicReference<>(new CompletableFuture<>());

        @PostMapping("/things")
        ResponseEntity<Thing> create(@RequestBody ThingRequest request, Caller caller) {
            calls.incrementAndGet();
            if (refusing.get()) {
                throw new ConflictException("Refused", "The test refuses this request.");
            }
            return created(request, caller);
        }

        @PostMapping("/held-things")
        Mono<ResponseEntity<Thing>> createHeld(@RequestBody ThingRequest request, Caller caller) {
            calls.incrementAndGet();
            held.incrementAndGet();
            return Mono.fromFuture(gate.get(), true).then(Mono.fromSupplier(() -> created(request, caller)));
        }

        @PostMapping("/derived-ids")
        Mono<ResponseEntity<String>> deriveId(@RequestBody ThingRequest request) {
            calls.incrementAndGet();
            return IdempotentIds.derive("thing", () -> "random-" + UUID.randomUUID())
                    .map(id -> ResponseEntity.status(201).body(id));
        }

        private ResponseEntity<Thing> created(ThingRequest request, Caller caller) {
            int number = NUMBERS.incrementAndGet();
            return ResponseEntity.created(URI.create("/api/idempotency-test/things/" + number))
                    .body(new Thing(number, request.name(), caller.id().value()));
        }

        private static final AtomicInteger NUMBERS = new AtomicInteger();
    }
}

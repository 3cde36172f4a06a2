package dev.tango.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.MongoCommands;
import dev.tango.gateway.token.ApiTokenService;
import dev.tango.gateway.token.IssuedToken;
import dev.tango.gateway.user.AdminScope;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import dev.tango.gateway.user.UserChanges;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

/**
 * A bearer token and its user are read from MongoDB once, not on every request; a revocation or a user change made
 * through this gateway still applies at the very next request, also while other requests are reading them.
 */
class ApiTokenCacheIT extends GatewayIntegrationTest {

    private static final int REQUESTS = 20;
    private static final int CONCURRENT = 200;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AdminScope EVERYTHING = AdminScope.everything();

    @Autowired
    ApiTokenService tokens;

    @Autowired
    MongoCommands commands;

    @Test
    void manyRequestsWithAPersonalTokenReadTheTokenAndItsUserOnce() {
        IssuedToken issued = personalToken(createUser("cached", Role.STUDENT, "pcc-2026"));

        commands.reset();
        for (int i = 0; i < REQUESTS; i++) {
            call(issued.plaintext(), "/api/sessions/cached-" + i).expectStatus().isOk();
        }

        assertThat(commands.count("find", "api_tokens")).isEqualTo(1);
        // Once to authenticate, once to sign the service JWT that is then reused.
        assertThat(commands.count("find", "users")).isEqualTo(2);
    }

    @Test
    void anUnknownTokenRepeatedIsReadOnceAndRefusedEveryTime() {
        String madeUp = ApiTokenService.PREFIX + "unknown-"
                + ThreadLocalRandom.current().nextLong();

        commands.reset();
        for (int i = 0; i < REQUESTS; i++) {
            call(madeUp, "/api/me").expectStatus().isUnauthorized();
        }

        assertThat(commands.count("find", "api_tokens")).isEqualTo(1);
    }

    @Test
    void aRevokedPersonalTokenIsRefusedAtTheNextRequestThoughItWasCached() {
        IssuedToken issued = cachedToken(createUser("revoked", Role.STUDENT, "pcc-2026"));

        tokens.revoke(EVERYTHING, issued.token().id()).block(WAIT);

        call(issued.plaintext(), "/api/sessions/after-revoke").expectStatus().isUnauthorized();
    }

    @Test
    void aDeactivatedUsersTokenIsRefusedAtTheNextRequestThoughItWasCached() {
        User student = createUser("deactivated", Role.STUDENT, "pcc-2026");
        IssuedToken issued = cachedToken(student);

        userService.deactivate(EVERYTHING, student.id()).block(WAIT);

        call(issued.plaintext(), "/api/sessions/after-deactivation")
                .expectStatus()
                .isUnauthorized();
        call(issued.plaintext(), "/api/me").expectStatus().isUnauthorized();
    }

    @Test
    void aRoleChangeAppliesAtTheNextRequestThoughTheUserWasCached() {
        User student = createUser("promoted", Role.STUDENT, "pcc-2026");
        IssuedToken issued = personalToken(student);
        call(issued.plaintext(), "/api/me")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.roles[1]")
                .doesNotExist();

        changeUser(student, new UserChanges(null, null, Set.of(Role.STUDENT, Role.MENTOR), null, null, null));

        call(issued.plaintext(), "/api/me")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.roles.length()")
                .isEqualTo(2);
    }

    /**
     * The race the first cache (4f9bf12, reverted) lost: bearer requests in flight while tokens are revoked and users
     * changed. Every request is answered within a bound, and none that started after its token's revocation was
     * answered is accepted.
     */
    @Test
    void invalidationsWhileRequestsAreInFlightLeaveNoRequestUnansweredAndNoRevokedTokenAccepted() {
        List<User> churned = new ArrayList<>();
        List<String> inUse = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            User user = createUser("churned", Role.STUDENT, "pcc-2026");
            churned.add(user);
            inUse.add(personalToken(user).plaintext());
        }
        User holder = createUser("holder", Role.STUDENT, "pcc-2026");
        List<IssuedToken> toRevoke = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            IssuedToken token = personalToken(holder);
            toRevoke.add(token);
            inUse.add(token.plaintext());
        }
        Map<String, Long> revokedAt = new ConcurrentHashMap<>();
        List<Answer> answers = new CopyOnWriteArrayList<>();
        AtomicBoolean churning = new AtomicBoolean(true);
        ConnectionProvider connections = ConnectionProvider.builder("token-cache-race")
                .maxConnections(CONCURRENT)
                .pendingAcquireMaxCount(-1)
                .build();
        WebClient web = WebClient.builder()
                .baseUrl(baseUrl())
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
                .build();
        try {
            Mono<Void> requests = Flux.range(0, CONCURRENT)
                    .flatMap(lane -> request(web, inUse, lane, answers).repeat(churning::get), CONCURRENT)
                    .then();
            Mono<Void> churn = Flux.range(0, toRevoke.size())
                    .concatMap(i -> {
                        User user = churned.get(i % churned.size());
                        IssuedToken revoked = toRevoke.get(i);
                        Set<Role> roles = i % 2 == 0 ? Set.of(Role.STUDENT, Role.MENTOR) : Set.of(Role.STUDENT);
                        return userService
                                .update(EVERYTHING, user.id(), new UserChanges(null, null, roles, null, null, false))
                                .then(userService.update(
                                        EVERYTHING, user.id(), new UserChanges(null, null, null, null, null, true)))
                                .then(tokens.revoke(EVERYTHING, revoked.token().id()))
                                .doOnNext(done -> revokedAt.put(revoked.plaintext(), System.nanoTime()));
                    })
                    .then(Mono.fromRunnable(() -> churning.set(false)));

            StepVerifier.create(Mono.when(requests, churn)).expectComplete().verify(Duration.ofSeconds(50));
        } finally {
            connections.dispose();
        }

        assertThat(answers).hasSizeGreaterThanOrEqualTo(CONCURRENT);
        assertThat(answers.stream().map(Answer::status).collect(Collectors.toSet()))
                .as("only accepted, or refused while a user was deactivated or a token revoked")
                .isSubsetOf(200, 401);
        List<Answer> afterRevocation = answers.stream()
                .filter(answer ->
                        revokedAt.containsKey(answer.token()) && answer.startedAt() > revokedAt.get(answer.token()))
                .toList();
        assertThat(afterRevocation)
                .as("requests that started after their token's revocation")
                .isNotEmpty();
        assertThat(afterRevocation)
                .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(401));
        for (IssuedToken revoked : toRevoke) {
            call(revoked.plaintext(), "/api/me").expectStatus().isUnauthorized();
        }
        for (int i = 0; i < churned.size(); i++) {
            call(inUse.get(i), "/api/me").expectStatus().isOk();
            userService.deactivate(EVERYTHING, churned.get(i).id()).block(WAIT);
            call(inUse.get(i), "/api/me").expectStatus().isUnauthorized();
        }
    }

    private static Mono<Answer> request(WebClient web, List<String> inUse, int lane, List<Answer> answers) {
        return Mono.defer(() -> {
            String token = inUse.get(ThreadLocalRandom.current().nextInt(inUse.size()));
            long startedAt = System.nanoTime();
            return web.get()
                    .uri(lane % 2 == 0 ? "/api/me" : "/api/sessions/race-" + lane)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchangeToMono(response -> response.releaseBody()
                            .thenReturn(new Answer(
                                    token, startedAt, response.statusCode().value())))
                    .timeout(Duration.ofSeconds(20))
                    .doOnNext(answers::add);
        });
    }

    /** A new personal token of the user, used twice, so that it and its user are cached. */
    private IssuedToken cachedToken(User user) {
        IssuedToken issued = personalToken(user);
        for (int i = 0; i < 2; i++) {
            call(issued.plaintext(), "/api/sessions/cached-" + i).expectStatus().isOk();
        }
        return issued;
    }

    private void changeUser(User user, UserChanges changes) {
        userService.update(EVERYTHING, user.id(), changes).block(WAIT);
    }

    private IssuedToken personalToken(User user) {
        return tokens.issuePersonal(EVERYTHING, "cache-test", user.id(), null, "test")
                .block(WAIT);
    }

    private WebTestClient.ResponseSpec call(String plaintext, String path) {
        return client().get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + plaintext)
                .exchange();
    }

    private record Answer(String token, long startedAt, int status) {}
}

package dev.tango.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input through the edge (RELIABILITY.md, "Hostile input"): the whole platform started once, then the bad
 * request corpus, token attacks, the authorization matrix, a fuzzing run and the login throttle under a guessing loop.
 * Methods tagged {@code smoke} run in the default test command with reduced sizes; those tagged {@code hostile} run
 * with {@code -Preliability} at full size (the smoke variants then step aside).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    /** Login throttle windows short enough to watch it recover within the test (defaults: 15 min). */
    static final List<String> THROTTLE_OPTIONS = List.of(
            "-Dtango.security.login.account-failures=5",
            "-Dtango.security.login.account-window=20s",
            "-Dtango.security.login.address-failures=20",
            "-Dtango.security.login.address-window=30s");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dataDir;

    static Platform platform;
    static List<ApiDocs.Endpoint> endpoints;
    static Targets targets;

    /**
     * Each part on connections of its own: one the corpus's oversized bodies left out of step (an open finding,
     * reported there) made the authorization matrix's first request hang for its whole timeout.
     */
    @BeforeEach
    void freshConnections() {
        platform.freshConnections();
    }

    @BeforeAll
    static void startThePlatformAndSetTheScene() {
        platform = Platform.start(dataDir, THROTTLE_OPTIONS);
        platform.setTheScene();
        endpoints = platform.endpoints();
        Document rubric =
                platform.call("admin-ada", "GET", "/api/scoring/rubrics/partnership/versions/1/export", null, 200);
        targets = new Targets(platform.ids, rubric);
        System.out.printf(
                "%d documented operations, %d of them writes%n",
                endpoints.size(),
                endpoints.stream().filter(ApiDocs.Endpoint::isWrite).count());
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    /** Whether the whole suite runs (then the smoke variants step aside). */
    static boolean fullSuite() {
        return System.getProperty("tango.reliability.groups", "smoke").contains("hostile");
    }

    @Test
    @Order(1)
    @Tag("smoke")
    void aSmallCorpusOfBadRequestsIsRefusedWithProblemsAndLeavesNoTrace() {
        Assumptions.assumeFalse(fullSuite(), "the full corpus runs instead");
        runCorpus(true);
    }

    @Test
    @Order(1)
    @Tag("hostile")
    void theWholeCorpusOfBadRequestsIsRefusedWithProblemsAndLeavesNoTrace() {
        runCorpus(false);
    }

    private void runCorpus(boolean smoke) {
        Corpus corpus = new Corpus(targets, smoke);
        Map<ApiDocs.Endpoint, List<Corpus.Case>> byEndpoint = new LinkedHashMap<>();
        for (ApiDocs.Endpoint endpoint : endpoints) {
            if (endpoint.isWrite()) {
                byEndpoint.put(endpoint, corpus.casesFor(endpoint));
            }
        }
        List<String> uncovered = new ArrayList<>();
        byEndpoint.forEach((endpoint, cases) -> {
            Set<Corpus.Category> categories = cases.stream()
                    .map(Corpus.Case::category)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Corpus.Category.class)));
            if (cases.isEmpty()) {
                uncovered.add(endpoint + ": no case at all");
            } else if (endpoint.body() != null && !categories.containsAll(Corpus.BODY_CATEGORIES)) {
                uncovered.add(endpoint + ": only " + categories);
            }
        });
        assertThat(uncovered).as("write endpoints without corpus coverage").isEmpty();

        if (smoke) {
            byEndpoint.replaceAll((endpoint, cases) -> Corpus.sample(cases, 2));
        }
        List<Corpus.Case> refusals = byEndpoint.values().stream()
                .flatMap(List::stream)
                .filter(c -> c.expect() == Corpus.Expect.REJECT)
                .toList();
        List<Corpus.Case> harmless = byEndpoint.values().stream()
                .flatMap(List::stream)
                .filter(c -> c.expect() == Corpus.Expect.HARMLESS)
                .toList();

        StoreSnapshot before = platform.settledSnapshot();
        Tally refused = new Tally("corpus, must be refused (" + (smoke ? "smoke" : "full") + ")");
        for (Corpus.Case c : refusals) {
            Edge.Reply reply = send(c);
            refused.count(c.endpointKey(), c.category().name(), reply.status());
            if (reply.status() >= 500 || !reply.isProblem() || reply.status() < 400 && !Corpus.numberMayBeValid(c)) {
                refused.fail(c.endpointKey() + " [" + c.category() + "] " + c.what() + " -> " + reply);
            }
        }
        StoreSnapshot after = platform.settledSnapshot();
        List<String> changes = before.differencesTo(after);
        System.out.println(refused.report());
        System.out.printf(
                "  sent again on a new connection after the old one was closed under them: %d%n", RESENT.get());
        System.out.printf(
                "  store: %d collections, %d documents before; %d changes after%n",
                before.collectionCount(), before.documentCount(), changes.size());
        changes.stream().limit(20).forEach(line -> System.out.println("  CHANGED " + line));

        Tally lenient = new Tally("corpus, free text that may be stored as given (" + (smoke ? "smoke" : "full") + ")");
        for (Corpus.Case c : harmless) {
            Edge.Reply reply = send(c);
            lenient.count(c.endpointKey(), c.category().name(), reply.status());
            if (reply.status() >= 500 || reply.status() >= 400 && !reply.isProblem()) {
                lenient.fail(c.endpointKey() + " [" + c.category() + "] " + c.what() + " -> " + reply);
            }
        }
        System.out.println(lenient.report());

        assertThat(refused.failures).as("refusals that failed").isEmpty();
        assertThat(changes).as("stored data changed by refused requests").isEmpty();
        assertThat(lenient.failures).as("free-text cases that failed").isEmpty();
    }

    @Test
    @Order(3)
    @Tag("smoke")
    void forgedSpoiledExpiredAndRevokedTokensAreRefusedAtTheEdgeAndAtEveryService() {
        String ended = platform.ids.get("endedSessionId");
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("gateway", platform.gateway() + "|GET|/api/me");
        reads.put("gateway/api", platform.gateway() + "|GET|/api/sessions/" + ended);
        reads.put("session-service", platform.stack.sessionServiceUrl() + "|GET|/api/sessions/" + ended);
        reads.put(
                "scoring-service",
                platform.stack.scoringServiceUrl() + "|GET|/api/scoring/sessions/" + ended + "/timeline");
        reads.put("feedback-service", platform.stack.feedbackServiceUrl() + "|GET|/api/feedback/sessions/" + ended);
        Map<String, String> writes = new LinkedHashMap<>();
        writes.put(
                "gateway/api",
                platform.gateway() + "|POST|/api/sessions/" + platform.ids.get("runningSessionId") + "/end");
        writes.put(
                "session-service",
                platform.stack.sessionServiceUrl() + "|POST|/api/sessions/" + platform.ids.get("runningSessionId")
                        + "/end");
        writes.put(
                "scoring-service",
                platform.stack.scoringServiceUrl() + "|POST|/api/scoring/sessions/" + ended + "/observations");
        writes.put(
                "feedback-service",
                platform.stack.feedbackServiceUrl() + "|POST|/api/feedback/sessions/" + ended + "/comments");

        ForgedJwts jwts = new ForgedJwts(platform.stack.dataDir(), platform.gateway());
        var claims = jwts.claims("mentor-marco", List.of("MENTOR"), List.of(Platform.PROGRAM))
                .build();

        // Controls: the genuine service JWT at each service, a valid API token at the edge.
        Map<String, Caller> controls = new LinkedHashMap<>();
        controls.put("gateway", platform.caller("pat-mentor-marco"));
        controls.put("gateway/api", platform.caller("pat-mentor-marco"));
        Caller genuine = new Caller.Bearer("genuine JWT", jwts.genuine(claims));
        for (String service : List.of("session-service", "scoring-service", "feedback-service")) {
            controls.put(service, genuine);
        }
        controls.forEach((target, caller) -> {
            String[] at = reads.get(target).split("\\|");
            Edge.Reply reply = platform.edge.send(at[0], at[1], at[2], caller, null);
            assertThat(reply.status())
                    .as("control %s at %s: %s", caller.label(), target, reply)
                    .isEqualTo(200);
        });

        Map<String, Caller> attacks = new LinkedHashMap<>();
        jwts.forgeries(claims).forEach((name, token) -> attacks.put("JWT " + name, new Caller.Bearer(name, token)));
        attacks.put("JWT genuine, sent to the gateway", genuine);
        attacks.put("no Authorization", new Caller.Anonymous("none"));
        attacks.put("API token made up", new Caller.Bearer("made up", "tango_pat_" + "A".repeat(43)));
        String valid = ((Caller.Bearer) platform.caller("pat-mentor-marco")).token();
        attacks.put(
                "API token, one character changed",
                new Caller.Bearer(
                        "changed", valid.substring(0, valid.length() - 1) + (valid.endsWith("A") ? "B" : "A")));
        attacks.put("API token, valid, at a service", platform.caller("pat-mentor-marco"));
        attacks.put("API token revoked", revokedToken());
        attacks.put("API token expired", expiredToken());
        attacks.put("personal token of a deactivated user", deactivatedUsersToken());
        attacks.put(
                "Basic auth of a demo user",
                basic("marco@tango.local", platform.demo("mentor-marco").password()));

        StoreSnapshot before = platform.settledSnapshot();
        Tally tally = new Tally("token attacks");
        StringBuilder matrix =
                new StringBuilder(String.format("%n== token attacks: attack x target -> status (read / write)%n"));
        matrix.append(String.format("  %-42s", ""))
                .append(reads.keySet().stream()
                        .map(k -> String.format("%-18s", k))
                        .collect(Collectors.joining()))
                .append(System.lineSeparator());
        attacks.forEach((attack, caller) -> {
            matrix.append(String.format("  %-42s", abbreviate(attack, 42)));
            for (String target : reads.keySet()) {
                boolean gatewayOnlyAttack = attack.startsWith("API token") && !attack.endsWith("at a service")
                        || attack.contains("deactivated")
                        || attack.contains("sent to the gateway")
                        || attack.startsWith("Basic");
                boolean serviceOnlyAttack = attack.endsWith("at a service");
                if (gatewayOnlyAttack && !target.startsWith("gateway")
                        || serviceOnlyAttack && target.startsWith("gateway")) {
                    matrix.append(String.format("%-18s", "-"));
                    continue;
                }
                StringBuilder cell = new StringBuilder();
                for (Map<String, String> kind : List.of(reads, writes)) {
                    String spec = kind.get(target);
                    if (spec == null) {
                        continue;
                    }
                    String[] at = spec.split("\\|");
                    Edge.Reply reply = platform.edge.send(
                            at[0],
                            at[1],
                            at[2],
                            caller,
                            at[1].equals("POST") && !at[2].endsWith("/end")
                                    ? "{\"body\":\"x\",\"kind\":\"MARKER\",\"itemId\":\"opening.what-matters\"}"
                                    : null);
                    tally.count(target, "attacks", reply.status());
                    if (reply.status() != 401 || !reply.isProblem()) {
                        tally.fail(attack + " at " + target + " " + at[1] + " " + at[2] + " -> " + reply);
                    }
                    cell.append(cell.length() == 0 ? "" : " / ").append(reply.status());
                }
                matrix.append(String.format("%-18s", cell));
            }
            matrix.append(System.lineSeparator());
        });
        System.out.println(matrix);
        System.out.println(tally.report());
        List<String> changes = before.differencesTo(platform.settledSnapshot());
        assertThat(tally.failures).as("attacks not answered 401 problem+json").isEmpty();
        assertThat(changes).as("stored data changed by refused tokens").isEmpty();
    }

    @Test
    @Order(4)
    @Tag("smoke")
    void aReducedAuthorizationMatrixDeniesEveryoneElse() {
        Assumptions.assumeFalse(fullSuite(), "the whole matrix runs instead");
        runMatrix(AuthzMatrix.SMOKE);
    }

    @Test
    @Order(4)
    @Tag("hostile")
    void theWholeAuthorizationMatrixDeniesEveryoneElse() {
        runMatrix(List.copyOf(AuthzMatrix.FULL.keySet()));
    }

    private void runMatrix(List<String> callers) {
        platform.callers.putIfAbsent("anonymous", new Caller.Anonymous("anonymous"));
        List<String> leakMarkers = List.of(
                platform.ids.get("endedSessionId"),
                platform.ids.get("runningSessionId"),
                "corpus-rubric",
                "corpus-target",
                platform.ids.get("tokenId"),
                platform.ids.get("meTokenId"));
        StoreSnapshot before = platform.settledSnapshot();
        Tally tally = new Tally("authorization matrix");
        StringBuilder matrix = new StringBuilder(
                String.format("%n== authorization matrix: endpoint x caller -> status (. = entitled, not tested)%n"));
        matrix.append(String.format("  %-72s", ""));
        callers.forEach(caller -> matrix.append(String.format("%-5s", callers.indexOf(caller) + 1)));
        matrix.append(System.lineSeparator());
        for (int i = 0; i < callers.size(); i++) {
            matrix.append(
                    String.format("    %d = %s (%s)%n", i + 1, callers.get(i), AuthzMatrix.FULL.get(callers.get(i))));
        }
        int cells = 0;
        for (ApiDocs.Endpoint endpoint : endpoints) {
            if (AuthzMatrix.OWN_ONLY.contains(endpoint.key())) {
                continue;
            }
            String path = targets.path(endpoint) + authzQuery(endpoint, targets);
            Object body = targets.body(endpoint);
            boolean list = endpoint.in("path").isEmpty() && endpoint.method().equals("GET");
            matrix.append(String.format("  %-72s", abbreviate(endpoint.key(), 72)));
            for (String label : callers) {
                String actsAs = AuthzMatrix.FULL.get(label);
                if (AuthzMatrix.entitled(endpoint, actsAs)) {
                    matrix.append(String.format("%-5s", "."));
                    continue;
                }
                Edge.Reply reply = platform.edge.send(
                        platform.gateway(),
                        endpoint.method(),
                        path,
                        platform.caller(label),
                        Map.of("Accept", "*/*"),
                        body == null ? null : Json.write(body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                cells++;
                tally.count(endpoint.key(), actsAs, reply.status());
                matrix.append(String.format("%-5s", reply.status()));
                boolean denied = Set.of(401, 403, 404).contains(reply.status()) && reply.isProblem();
                boolean harmlessList = list
                        && reply.status() == 200
                        && leakMarkers.stream()
                                .noneMatch(
                                        marker -> marker != null && reply.body().contains(marker));
                if (!denied && !harmlessList) {
                    tally.fail(endpoint.key() + " as " + label + " (" + actsAs + ") " + path + " -> " + reply);
                }
            }
            matrix.append(System.lineSeparator());
        }
        List<String> changes = before.differencesTo(platform.settledSnapshot());
        System.out.println(matrix);
        System.out.printf("  %d endpoint x caller cells tested%n", cells);
        System.out.println(tally.report());
        changes.stream().limit(20).forEach(line -> System.out.println("  CHANGED " + line));
        assertThat(tally.failures).as("requests that were not denied").isEmpty();
        assertThat(changes).as("stored data changed by denied requests").isEmpty();
    }

    /** The list of sessions is asked for another student's sessions and program. */
    /** The list of sessions is asked for another student's sessions and program; others get their valid query. */
    private static String authzQuery(ApiDocs.Endpoint endpoint, Targets targets) {
        if (endpoint.key().equals("GET /api/sessions")) {
            return "?programId=" + Platform.PROGRAM + "&studentId=student-ana";
        }
        return targets.query(endpoint).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("&", targets.query(endpoint).isEmpty() ? "" : "?", ""));
    }

    @Test
    @Order(5)
    @Tag("smoke")
    void aFewSecondsOfFuzzingFindNothing() {
        Assumptions.assumeFalse(fullSuite(), "the long fuzzing run runs instead");
        fuzz(java.time.Duration.ofSeconds(Long.getLong("tango.fuzz.smoke-seconds", 3)));
    }

    @Test
    @Order(5)
    @Tag("hostile")
    void aMinuteOfFuzzingPerServiceFindsNothing() {
        fuzz(java.time.Duration.ofSeconds(Long.getLong("tango.fuzz.seconds", 60)));
    }

    private void fuzz(java.time.Duration perOrigin) {
        long seed = Long.getLong("tango.fuzz.seed", System.currentTimeMillis());
        System.out.printf("%nFuzzing with seed %d (-Dtango.fuzz.seed=%d repeats it)%n", seed, seed);
        Fuzzer fuzzer = new Fuzzer(platform, targets, seed);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String origin : List.of("session-service", "scoring-service", "feedback-service", "gateway")) {
            Tally tally = fuzzer.run(origin, endpoints, perOrigin);
            System.out.println(tally.report());
            sent += tally.sent;
            failures.addAll(tally.failures);
        }
        System.out.printf("Fuzzing: %d requests, %d failures%n", sent, failures.size());
        assertThat(failures).as("fuzzing failures").isEmpty();
    }

    @Test
    @Order(9)
    @Tag("hostile")
    void loginThrottlingHoldsUnderAPasswordGuessingLoop() {
        LoginAttempts attempts = new LoginAttempts(platform.gateway());
        String email = platform.demo("student-cai").email();
        String password = platform.demo("student-cai").password();

        // One account, wrong passwords in a loop.
        int firstThrottled = 0;
        for (int attempt = 1; attempt <= 15 && firstThrottled == 0; attempt++) {
            int status = attempts.attempt(email, "guess-" + attempt);
            if (status == 429) {
                firstThrottled = attempt;
            } else {
                assertThat(status).as("wrong password, attempt %d", attempt).isEqualTo(401);
            }
        }
        System.out.printf(
                "%n== login throttling%n  one account: throttled from attempt %d on (5 failures allowed per 20 s)%n",
                firstThrottled);
        assertThat(firstThrottled)
                .as("attempt at which the account is throttled")
                .isBetween(2, 6);
        assertThat(attempts.attempt(email, password))
                .as("the right password while throttled")
                .isEqualTo(429);
        java.time.Instant throttledAt = java.time.Instant.now();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> attempts.attempt(email, password) == 302);
        java.time.Duration accountRecovery = java.time.Duration.between(throttledAt, java.time.Instant.now());
        System.out.printf(
                "  the right password refused while throttled, accepted again after %.1f s%n",
                accountRecovery.toMillis() / 1000.0);

        // Many accounts from one client address: made-up ones and real ones, one wrong password each.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> attempts.attempt("nobody-" + System.nanoTime() + "@guess.test", "x") == 401);
        int firstAddressThrottled = 0;
        List<String> accounts = List.of("ana@tango.local", "ben@tango.local", "marco@tango.local", "mia@tango.local");
        for (int attempt = 1; attempt <= 40 && firstAddressThrottled == 0; attempt++) {
            String account =
                    attempt % 2 == 0 ? accounts.get(attempt / 2 % accounts.size()) : "spray-" + attempt + "@guess.test";
            int status = attempts.attempt(account, "spray-" + attempt);
            if (status == 429) {
                firstAddressThrottled = attempt;
            }
        }
        System.out.printf(
                "  one client over many accounts: throttled from attempt %d on (20 failures allowed per 30 s)%n",
                firstAddressThrottled);
        assertThat(firstAddressThrottled)
                .as("attempt at which the client address is throttled")
                .isBetween(2, 21);
        assertThat(attempts.attempt(email, password))
                .as("another account's right password from that client")
                .isEqualTo(429);
        java.time.Instant addressThrottledAt = java.time.Instant.now();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> attempts.attempt(email, password) == 302);
        System.out.printf(
                "  that client signs in again after %.1f s%n",
                java.time.Duration.between(addressThrottledAt, java.time.Instant.now())
                                .toMillis()
                        / 1000.0);
    }

    private static Caller basic(String email, String password) {
        String encoded = java.util.Base64.getEncoder()
                .encodeToString((email + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Caller.Header("basic", "Authorization", "Basic " + encoded);
    }

    private static Caller revokedToken() {
        Document issued = platform.call(
                "admin-ada", "POST", "/api/tokens", "{\"name\":\"to revoke\",\"user\":\"mentor-marco\"}", 201);
        Caller token = new Caller.Bearer("revoked", issued.getString("token"));
        assertThat(platform.edge
                        .send(platform.gateway(), "GET", "/api/me", token, null)
                        .status())
                .isEqualTo(200);
        platform.call(
                "admin-ada",
                "DELETE",
                "/api/tokens/" + issued.get("details", Document.class).getString("id"),
                null,
                200);
        return token;
    }

    private static Caller expiredToken() {
        java.time.Instant expiresAt = java.time.Instant.now().plusSeconds(3);
        Document issued = platform.call(
                "admin-ada",
                "POST",
                "/api/tokens",
                "{\"name\":\"to expire\",\"user\":\"mentor-marco\",\"expiresAt\":\"" + expiresAt + "\"}",
                201);
        Caller token = new Caller.Bearer("expired", issued.getString("token"));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> java.time.Instant.now().isAfter(expiresAt.plusMillis(500)));
        return token;
    }

    private static Caller deactivatedUsersToken() {
        platform.call(
                "admin-ada",
                "POST",
                "/api/users",
                "{\"id\":\"token-victim\",\"displayName\":\"Victim\",\"email\":\"victim@corpus.test\","
                        + "\"roles\":[\"MENTOR\"],\"programs\":[\"" + Platform.PROGRAM
                        + "\"],\"password\":\"victim-secret-1\"}",
                201);
        Document issued = platform.call(
                "admin-ada", "POST", "/api/tokens", "{\"name\":\"victim\",\"user\":\"token-victim\"}", 201);
        Caller token = new Caller.Bearer("deactivated", issued.getString("token"));
        assertThat(platform.edge
                        .send(platform.gateway(), "GET", "/api/me", token, null)
                        .status())
                .isEqualTo(200);
        platform.call("admin-ada", "POST", "/api/users/token-victim/deactivate", null, 200);
        return token;
    }

    static String abbreviate(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }

    /**
     * Sends a case; when the connection is closed under it (the gateway closes a connection after some refusals, and
     * the client may have reused it just then), once more on a new one. A second failure counts as "no answer" (599).
     */
    Edge.Reply send(Corpus.Case c) {
        for (int attempt = 1; ; attempt++) {
            try {
                return platform.edge.send(
                        platform.gateway(),
                        c.method(),
                        c.pathAndQuery(),
                        platform.caller(c.caller()),
                        c.headers(),
                        c.body());
            } catch (RuntimeException e) {
                if (attempt == 2) {
                    return new Edge.Reply(599, "", "no answer: " + e);
                }
                RESENT.incrementAndGet();
            }
        }
    }

    /** Cases sent a second time because the connection was closed under the first. */
    static final java.util.concurrent.atomic.AtomicInteger RESENT = new java.util.concurrent.atomic.AtomicInteger();
}

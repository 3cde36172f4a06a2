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

    Edge.Reply send(Corpus.Case c) {
        try {
            return platform.edge.send(
                    platform.gateway(),
                    c.method(),
                    c.pathAndQuery(),
                    platform.caller(c.caller()),
                    c.headers(),
                    c.body());
        } catch (RuntimeException e) {
            return new Edge.Reply(599, "", "no answer: " + e);
        }
    }
}

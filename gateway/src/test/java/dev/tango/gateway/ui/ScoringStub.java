package dev.tango.gateway.ui;

import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.routing.ServiceUrls;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real Netty server standing in for scoring-service: it records every request (headers and body) and answers with
 * canned JSON shaped as scoring-service answers. Rubrics: the built-in {@code partnership} v1, and {@code pcc-markers}
 * of program pcc-2026 with v1 published and v2 a draft. A test programs the answers for its own sessions
 * ({@link #answer}); every test class that uses the stub shares {@link #SHARED} and one Spring context
 * ({@link StubbedScoring}).
 */
final class ScoringStub {

    static final ScoringStub SHARED = start();

    private final DisposableServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> programmed = new ConcurrentHashMap<>();

    private ScoringStub() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> request.receive()
                        .aggregate()
                        .asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            Received got = new Received(
                                    request.method().name(),
                                    request.uri(),
                                    request.requestHeaders().entries().stream()
                                            .collect(Collectors.toMap(
                                                    e -> e.getKey().toLowerCase(), Map.Entry::getValue, (a, b) -> a)),
                                    body);
                            received.add(got);
                            Answer answer = programmed(got.method() + " " + got.uri());
                            if (answer == null) {
                                answer = answer(got);
                            }
                            return response.status(answer.status())
                                    .header(
                                            "Content-Type",
                                            answer.status() >= 400 ? "application/problem+json" : "application/json")
                                    .sendString(Mono.just(answer.body()), StandardCharsets.UTF_8)
                                    .then();
                        }))
                .bindNow();
    }

    static ScoringStub start() {
        return new ScoringStub();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /**
     * Answers {@code method uri} (query included) with this status and JSON body from now on (a problem+json from 400
     * on). Several answers for one request are given in turn, the last one again and again.
     */
    void answer(String method, String uri, int status, String body) {
        programmed
                .computeIfAbsent(method + " " + uri, key -> new ConcurrentLinkedDeque<>())
                .add(new Answer(status, body));
    }

    /** The requests received with this method and URI, oldest first. */
    List<Received> received(String method, String uri) {
        return received.stream()
                .filter(r -> r.method().equals(method) && r.uri().equals(uri))
                .toList();
    }

    private Answer programmed(String route) {
        Deque<Answer> answers = programmed.get(route);
        if (answers == null) {
            return null;
        }
        synchronized (answers) {
            return answers.size() > 1 ? answers.poll() : answers.peek();
        }
    }

    /** The last request with this method whose URI starts with the prefix. */
    Received last(String method, String uriPrefix) {
        return received.stream()
                .filter(r -> r.method().equals(method) && r.uri().startsWith(uriPrefix))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("scoring stub got no " + method + " " + uriPrefix));
    }

    private static Answer answer(Received request) {
        String route = request.method() + " " + request.uri();
        if (route.equals("GET /api/scoring/rubrics")) {
            return new Answer(200, """
                    {"rubrics":[
                      {"rubricId":"partnership","programId":null,"builtIn":true,"name":"Partnership in coaching",
                       "latestVersion":1,"versions":[{"version":1,"status":"PUBLISHED","name":"Partnership in coaching",
                       "createdAt":"2026-01-01T00:00:00Z","publishedAt":"2026-01-01T00:00:00Z"}]},
                      {"rubricId":"pcc-markers","programId":"pcc-2026","builtIn":false,"name":"PCC markers",
                       "latestVersion":2,"versions":[
                         {"version":1,"status":"PUBLISHED","name":"PCC markers","createdAt":"2026-03-01T10:00:00Z",
                          "publishedAt":"2026-03-02T10:00:00Z"},
                         {"version":2,"status":"DRAFT","name":"PCC markers","createdAt":"2026-04-01T10:00:00Z",
                          "publishedAt":null}]}]}
                    """);
        }
        if (route.equals("GET /api/scoring/rubrics/partnership/versions/1")
                || route.equals("GET /api/scoring/rubrics/partnership")) {
            return new Answer(200, version("partnership", 1, "PUBLISHED", null));
        }
        if (route.equals("GET /api/scoring/rubrics/pcc-markers/versions/1")) {
            return new Answer(200, version("pcc-markers", 1, "PUBLISHED", "pcc-2026"));
        }
        if (route.equals("GET /api/scoring/rubrics/pcc-markers/versions/2")
                || route.equals("GET /api/scoring/rubrics/pcc-markers")) {
            return new Answer(200, version("pcc-markers", 2, "DRAFT", "pcc-2026"));
        }
        if (route.equals("POST /api/scoring/rubrics/pcc-markers/versions/2/publish")) {
            return new Answer(200, version("pcc-markers", 2, "PUBLISHED", "pcc-2026"));
        }
        if (route.equals("POST /api/scoring/rubrics/pcc-markers/versions/1/publish")) {
            return new Answer(409, """
                    {"type":"https://tango.dev/problems/conflict","title":"Already published","status":409,
                     "detail":"Rubric pcc-markers v1 was published at 2026-03-02T10:00:00Z and never changes."}
                    """);
        }
        if (route.equals("POST /api/scoring/rubrics/pcc-markers/drafts")) {
            return new Answer(201, version("pcc-markers", 3, "DRAFT", "pcc-2026"));
        }
        if (route.startsWith("POST /api/scoring/rubrics/import?")) {
            if (request.body().contains("REFLECTING")) {
                return new Answer(400, """
                        {"type":"https://tango.dev/problems/invalid-request","title":"Invalid request","status":400,
                         "detail":"name: must not be blank; phases[1].phase: ...; scoring.penaltyPerAntiSignal: ...",
                         "errors":[{"field":"name","message":"must not be blank"},
                           {"field":"phases[1].phase","message":"\\"REFLECTING\\" is not a phase"},
                           {"field":"scoring.penaltyPerAntiSignal","message":"must be between 0 and 100 (it is -1)"}]}
                        """);
            }
            return new Answer(201, version("imported-one", 1, "DRAFT", "pcc-2026"));
        }
        if (route.equals("GET /api/scoring/programs/pcc-2026/rubric")) {
            return new Answer(200, """
                    {"programId":"pcc-2026","usesDefault":true,"history":[],
                     "current":{"rubricId":"partnership","version":1,"name":"Partnership in coaching","builtIn":true,
                                "effectiveFrom":null,"assignedBy":null}}
                    """);
        }
        if (route.equals("PUT /api/scoring/programs/pcc-2026/rubric")) {
            return new Answer(200, """
                    {"programId":"pcc-2026","usesDefault":false,
                     "history":[{"rubricId":"pcc-markers","version":1,"effectiveFrom":"2026-05-01T09:30:00Z",
                                 "assignedBy":"admin-x"}],
                     "current":{"rubricId":"pcc-markers","version":1,"name":"PCC markers","builtIn":false,
                                "effectiveFrom":"2026-05-01T09:30:00Z","assignedBy":"admin-x"}}
                    """);
        }
        return new Answer(404, """
                {"type":"https://tango.dev/problems/not-found","title":"Not found","status":404,
                 "detail":"Rubric x was not found"}
                """);
    }

    private static String version(String rubricId, int version, String status, String programId) {
        return """
                {"rubricId":"%s","version":%d,"programId":%s,"builtIn":%s,"status":"%s","revision":0,
                 "createdAt":"2026-03-01T10:00:00Z","createdBy":"admin-x","publishedAt":%s,
                 "content":{"name":"%s","description":"Markers of the ICF",
                   "phases":[
                     {"phase":"OPENING","title":"Agreement","markers":[
                       {"id":"pcc.3-1","label":"Identifies what the client wants",
                        "description":"Coach partners with the client to identify what they want.",
                        "exampleQuestions":["What would you like to accomplish today?"]},
                       {"id":"pcc.3-2","label":"Defines success measures",
                        "description":"Coach partners with the client to define measures of success.",
                        "exampleQuestions":[]}]},
                     {"phase":"MEANING_MAKING","title":"Evokes awareness","markers":[
                       {"id":"pcc.7-1","label":"Asks about the client's thinking",
                        "description":"Coach asks about the client's way of thinking.","exampleQuestions":[]}]}],
                   "antiSignals":[{"id":"anti.interrupts","label":"Interrupts the client",
                     "description":"Does not let the client finish speaking."}],
                   "scoring":{"requiredMarkers":{"OPENING":1,"MEANING_MAKING":1},"penaltyPerAntiSignal":20}}}
                """.formatted(
                        rubricId,
                        version,
                        programId == null ? "null" : "\"" + programId + "\"",
                        programId == null,
                        status,
                        "PUBLISHED".equals(status) ? "\"2026-03-02T10:00:00Z\"" : "null",
                        programId == null ? "Partnership in coaching" : "PCC markers");
    }

    private record Answer(int status, String body) {}

    /** Points the gateway's pages at the stub; the routes keep the closed port of the shared setup. */
    @TestConfiguration(proxyBeanMethods = false)
    static class StubbedScoring {

        @Bean
        @Primary
        ServiceUrls stubbedScoringUrls() {
            return new ServiceUrls(
                    URI.create(GatewayIntegrationTest.downstreamUrl()),
                    URI.create(SHARED.url()),
                    URI.create(GatewayIntegrationTest.downstreamUrl()));
        }
    }

    /** One request as the service saw it; header names in lower case. */
    record Received(String method, String uri, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }
}

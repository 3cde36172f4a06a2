package dev.tango.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;

/**
 * A real WebFlux/Netty server standing in for the three services: it records every request it receives (headers and
 * body included) and answers the few paths the home pages read with canned JSON; everything else is echoed back. A
 * test can program its own answer for a method and path ({@link #answer}); use session ids of its own, as all tests
 * share this server.
 */
public final class Downstream {

    private final DisposableServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> programmed = new ConcurrentHashMap<>();

    private Downstream() {
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
                                            .collect(Collectors.groupingBy(
                                                    e -> e.getKey().toLowerCase(),
                                                    Collectors.mapping(Map.Entry::getValue, Collectors.toList()))),
                                    body);
                            received.add(got);
                            Answer answer = programmed(request.method().name(), request.uri());
                            if (answer == null) {
                                answer = answer(request);
                            }
                            return response.status(answer.status())
                                    .header("Content-Type", answer.contentType())
                                    .header("Set-Cookie", "downstream=should-not-reach-the-browser")
                                    .sendString(Mono.just(answer.body()), StandardCharsets.UTF_8)
                                    .then();
                        }))
                .bindNow();
    }

    public static Downstream start() {
        return new Downstream();
    }

    /**
     * Answers {@code method path} (the whole URI, query included) with this status and JSON body from now on; a
     * status of 400 or more is sent as {@code application/problem+json}. Several answers for one request are given in
     * turn, the last one again and again.
     */
    public void answer(String method, String uri, int status, String body) {
        programmed
                .computeIfAbsent(method + " " + uri, key -> new ConcurrentLinkedDeque<>())
                .add(new Answer(status, body, status >= 400 ? "application/problem+json" : "application/json"));
    }

    /** Forgets the answers programmed for {@code method path}. */
    public void forget(String method, String uri) {
        programmed.remove(method + " " + uri);
    }

    /** The requests received with this method and URI, oldest first. */
    public List<Received> received(String method, String uri) {
        return received.stream()
                .filter(r -> r.method().equals(method) && r.uri().equals(uri))
                .toList();
    }

    private Answer programmed(String method, String uri) {
        Deque<Answer> answers = programmed.get(method + " " + uri);
        if (answers == null) {
            return null;
        }
        synchronized (answers) {
            return answers.size() > 1 ? answers.poll() : answers.peek();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The last request whose URI starts with the prefix. */
    public Received last(String uriPrefix) {
        return received.stream()
                .filter(r -> r.uri().startsWith(uriPrefix))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("downstream got no request for " + uriPrefix));
    }

    private static Answer answer(HttpServerRequest request) {
        String uri = request.uri();
        if (uri.startsWith("/api/feedback/students/")) {
            if (uri.contains("/student-with-sessions")) {
                return new Answer(200, """
                        {"studentId":"x","sessions":[
                          {"sessionId":"s-1","programId":"pcc-2026","mode":"LIVE","status":"ENDED",
                           "scheduledFor":"2026-03-01T10:00:00Z","startedAt":"2026-03-01T10:02:00Z",
                           "endedAt":"2026-03-01T10:47:00Z","durationMs":2700000,
                           "phasesVisited":["OPENING","EXPLORING"],"currentPhase":null,"extra":"ignored"},
                          {"sessionId":"s-2","programId":"pcc-2026","mode":"RECORDED","status":"ENDED",
                           "scheduledFor":"2026-03-08T10:00:00Z","startedAt":"2026-03-08T10:00:00Z",
                           "endedAt":"2026-03-08T10:30:00Z","durationMs":1800000,
                           "phasesVisited":["OPENING"],"currentPhase":null}]}
                        """);
            }
            if (uri.contains("/student-broken")) {
                return new Answer(500, "{\"title\":\"boom\"}");
            }
            return new Answer(404, "{\"title\":\"Not found\"}");
        }
        if (uri.startsWith("/api/sessions?mentorId=")) {
            return new Answer(200, """
                    {"items":[{"id":"s-9","programId":"pcc-2026","studentId":"student-x","mentorIds":["m"],
                      "mode":"LIVE","status":"SCHEDULED","currentPhase":null,"allowedMoves":[],
                      "scheduledFor":"2026-04-01T09:00:00Z","startedAt":null,"endedAt":null,"phases":[],
                      "version":1}],"page":0,"size":20,"total":1}
                    """);
        }
        if (uri.equals("/api/sessions/s-1")) {
            return new Answer(200, """
                    {"id":"s-1","programId":"pcc-2026","studentId":"student-with-sessions","mentorIds":["mentor-marco"],
                     "mode":"REVIEW","status":"IN_PROGRESS","currentPhase":"MEANING_MAKING",
                     "allowedMoves":["EXPLORING","ACTION_PLANNING"],"scheduledFor":"2026-03-01T10:00:00Z",
                     "startedAt":"2026-03-01T10:02:00Z","endedAt":null,"cancelledAt":null,"cancelReason":null,
                     "phases":[{"phase":"OPENING","enteredAt":"2026-03-01T10:02:00Z","offsetMs":0},
                               {"phase":"MEANING_MAKING","enteredAt":"2026-03-01T10:09:00Z","offsetMs":421000}],
                     "version":3,"extra":"ignored"}
                    """);
        }
        if (uri.startsWith("/api/sessions/s-hidden")) {
            return new Answer(404, "{\"title\":\"Not found\",\"detail\":\"No session s-hidden\"}");
        }
        if (uri.startsWith("/api/sessions/s-broken")) {
            return new Answer(500, "{\"title\":\"boom\"}");
        }
        if (uri.startsWith("/api/sessions?programId=")) {
            return new Answer(503, "{\"title\":\"down\"}");
        }
        return new Answer(200, "{\"echo\":\"" + uri.replace("\"", "") + "\"}");
    }

    private record Answer(int status, String body, String contentType) {
        Answer(int status, String body) {
            this(status, body, "application/json");
        }
    }

    /** One request as the service saw it; header names in lower case. */
    public record Received(String method, String uri, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }
}

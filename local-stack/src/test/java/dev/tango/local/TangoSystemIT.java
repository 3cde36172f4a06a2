package dev.tango.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The foundation flow end to end: Kafka, Mongo and the three services as real processes, driven over HTTP only. A
 * session marked in the session service must reach the scoring timeline and the student's dashboard through Kafka,
 * and a rejected request must reach neither.
 *
 * <p>The stack is the module's {@link SharedStack}, which {@link BrowserIT} and {@link BrokerOutageIT} use too; this
 * class keeps to students of its own ({@code student-<uuid>}).
 */
@ExtendWith(SharedStack.class)
class TangoSystemIT {

    /** From the session service's answer until both projections show the change. */
    private static final Duration PROJECTION_PATIENCE = Duration.ofSeconds(60);

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Prometheus's own series, not any service's. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    /** Recorded with the first relay failure and the first early event; BrokerOutageIT and the projections' tests. */
    private static final Set<String> ONLY_AFTER_A_FAILURE =
            Set.of("tango_outbox_relay_failures_total", "tango_events_parked_total");

    private static final String PROBLEM_JSON = "application/problem+json";

    private static LocalStack stack;
    private static HttpClient http;
    /** Every call goes through the gateway, as an API client of the demo admin would. */
    private static String adminToken;

    @BeforeAll
    static void signInToTheSharedStack(LocalStack shared) {
        stack = shared;
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(REQUEST_TIMEOUT)
                .build();
        DemoUser admin = stack.demoUsers().stream()
                .filter(user -> "ADMIN".equals(user.role()))
                .findFirst()
                .orElseThrow();
        try {
            adminToken = new GatewayClient(stack.gatewayUrl())
                    .issueApiToken(admin, "system-test", java.time.Instant.now().plus(Duration.ofHours(1)));
        } catch (IOException e) {
            throw new IllegalStateException("Could not get an API token from the gateway", e);
        }
    }

    @Test
    void aSessionMarkedThroughItsPhasesReachesTheTimelineAndTheStudentsDashboard() {
        String studentId = freshStudentId();
        Document created = post(sessionUrl(""), scheduleRequest(studentId), 201);
        String id = created.getString("id");
        assertThat(id).isNotBlank();
        assertThat(created.getString("status")).isEqualTo("SCHEDULED");

        assertThat(post(sessionUrl("/" + id + "/start"), null, 200).getString("currentPhase"))
                .isEqualTo("OPENING");
        for (String phase : List.of("EXPLORING", "ACTION_PLANNING", "CLOSING")) {
            assertThat(post(sessionUrl("/" + id + "/phase"), phaseRequest(phase), 200)
                            .getString("currentPhase"))
                    .isEqualTo(phase);
        }
        Document ended = post(sessionUrl("/" + id + "/end"), null, 200);
        assertThat(ended.getString("status")).isEqualTo("ENDED");
        String startedAt = ended.getString("startedAt");
        String endedAt = ended.getString("endedAt");
        long expectedDurationMs = Duration.between(Instant.parse(startedAt), Instant.parse(endedAt))
                .toMillis();

        await().atMost(PROJECTION_PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Reply reply = get(stack.gatewayUrl() + "/api/scoring/sessions/" + id + "/timeline");
            assertThat(reply.status()).as("timeline status code").isEqualTo(200);
            Document timeline = reply.body();
            assertThat(timeline.getString("status")).isEqualTo("ENDED");
            assertThat(timeline.getString("sessionId")).isEqualTo(id);
            assertThat(timeline.getString("studentId")).isEqualTo(studentId);
            assertThat(timeline.getString("programId")).isEqualTo("pcc-2026");
            assertThat(timeline.getList("mentorIds", String.class)).containsExactly("mentor-marco");
            assertThat(timeline.getString("mode")).isEqualTo("LIVE");
            assertThat(timeline.getString("startedAt")).isEqualTo(startedAt);
            assertThat(timeline.getString("endedAt")).isEqualTo(endedAt);
            assertThat(phasesOf(timeline)).containsExactly("OPENING", "EXPLORING", "ACTION_PLANNING", "CLOSING");
            assertThat(timeline.getList("skippedPhases", String.class)).containsExactly("MEANING_MAKING");
            Document timeInPhase = timeline.get("timeInPhaseMs", Document.class);
            assertThat(timeInPhase.keySet())
                    .containsExactlyInAnyOrder("OPENING", "EXPLORING", "ACTION_PLANNING", "CLOSING");
            assertThat(timeInPhase.values())
                    .allSatisfy(ms -> assertThat(((Number) ms).longValue()).isNotNegative());
            long sum = timeInPhase.values().stream()
                    .mapToLong(ms -> ((Number) ms).longValue())
                    .sum();
            assertThat(number(timeline, "durationMs")).isEqualTo(sum).isEqualTo(expectedDurationMs);
            // scheduled, started, four phases entered, ended
            assertThat(number(timeline, "lastSequence")).isEqualTo(7);
        });

        // After the session: its transcript (admins and mentors import), and the rubric scoring will use.
        Document imported = post(
                sessionUrl("/" + id + "/transcript/import"),
                "{\"text\":\"[00:00:05] Coach: How shall we work together today?\\n"
                        + "[00:00:09] Client: I would like to say no more often.\"}",
                200);
        assertThat(number(imported, "imported")).isEqualTo(2);
        assertThat(getOk(sessionUrl("/" + id + "/transcript")).getList("segments", Document.class))
                .extracting(segment -> segment.getString("speaker"))
                .containsExactly("COACH", "CLIENT");
        await().atMost(PROJECTION_PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Reply rubric = get(stack.gatewayUrl() + "/api/scoring/sessions/" + id + "/rubric");
            assertThat(rubric.status()).as("rubric status code").isEqualTo(200);
            assertThat(rubric.body().get("ref", Document.class).getString("rubricId"))
                    .isEqualTo("partnership");
        });

        await().atMost(PROJECTION_PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Reply reply = get(studentSessionsUrl(studentId));
            assertThat(reply.status()).as("dashboard status code").isEqualTo(200);
            assertThat(reply.body().getString("studentId")).isEqualTo(studentId);
            List<Document> sessions = reply.body().getList("sessions", Document.class);
            assertThat(sessions).hasSize(1);
            Document session = sessions.get(0);
            assertThat(session.getString("sessionId")).isEqualTo(id);
            assertThat(session.getString("programId")).isEqualTo("pcc-2026");
            assertThat(session.getString("status")).isEqualTo("ENDED");
            assertThat(session.getList("phasesVisited", String.class))
                    .containsExactly("OPENING", "EXPLORING", "ACTION_PLANNING", "CLOSING");
            assertThat(session.getString("currentPhase")).isEqualTo("CLOSING");
            assertThat(session.getString("startedAt")).isEqualTo(startedAt);
            assertThat(session.getString("endedAt")).isEqualTo(endedAt);
            assertThat(number(session, "durationMs")).isEqualTo(expectedDurationMs);
            assertThat(number(session, "lastSequence")).isEqualTo(8);
        });
    }

    @Test
    void rejectedRequestsAnswerAProblemAndNeverReachTheProjections() {
        String studentId = freshStudentId();
        String id = post(sessionUrl(""), scheduleRequest(studentId), 201).getString("id");
        post(sessionUrl("/" + id + "/start"), null, 200);
        for (String phase : List.of("EXPLORING", "ACTION_PLANNING", "CLOSING")) {
            post(sessionUrl("/" + id + "/phase"), phaseRequest(phase), 200);
        }
        long lastSequence = await().atMost(PROJECTION_PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> {
                            Reply reply = get(timelineUrl(id));
                            return reply.status() == 200
                                            && List.of("OPENING", "EXPLORING", "ACTION_PLANNING", "CLOSING")
                                                    .equals(phasesOf(reply.body()))
                                    ? number(reply.body(), "lastSequence")
                                    : null;
                        },
                        sequence -> sequence != null);
        long versionBefore = number(getOk(sessionUrl("/" + id)), "version");

        Reply illegalMove = send(postRequest(sessionUrl("/" + id + "/phase"), phaseRequest("OPENING")));
        assertThat(illegalMove.status()).isEqualTo(409);
        assertThat(illegalMove.contentType()).startsWith(PROBLEM_JSON);
        assertThat(illegalMove.body().getString("currentPhase")).isEqualTo("CLOSING");
        assertThat(illegalMove.body().getString("requestedPhase")).isEqualTo("OPENING");
        assertThat(illegalMove.body().getList("allowedMoves", String.class)).containsExactly("ACTION_PLANNING");

        Reply malformed = send(postRequest(sessionUrl("/" + id + "/phase"), "{\"phase\":"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith(PROBLEM_JSON);
        assertThat(number(malformed.body(), "status")).isEqualTo(400);

        Document unchanged = getOk(sessionUrl("/" + id));
        assertThat(number(unchanged, "version")).isEqualTo(versionBefore);
        assertThat(unchanged.getString("currentPhase")).isEqualTo("CLOSING");

        // A later, legal move: once it is projected, anything the rejected requests had published would be too.
        post(sessionUrl("/" + id + "/phase"), phaseRequest("ACTION_PLANNING"), 200);
        List<String> expected = List.of("OPENING", "EXPLORING", "ACTION_PLANNING", "CLOSING", "ACTION_PLANNING");

        await().atMost(PROJECTION_PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Reply reply = get(timelineUrl(id));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(phasesOf(reply.body())).containsExactlyElementsOf(expected);
            assertThat(reply.body().getString("status")).isEqualTo("IN_PROGRESS");
            assertThat(number(reply.body(), "lastSequence")).isEqualTo(lastSequence + 1);
        });
        await().atMost(PROJECTION_PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Reply reply = get(studentSessionsUrl(studentId));
            assertThat(reply.status()).isEqualTo(200);
            Document session = reply.body().getList("sessions", Document.class).get(0);
            assertThat(session.getList("phasesVisited", String.class)).containsExactlyElementsOf(expected);
            assertThat(session.getString("currentPhase")).isEqualTo("ACTION_PLANNING");
            assertThat(number(session, "lastSequence")).isEqualTo(lastSequence + 1);
        });
    }

    /**
     * Every metric that ops/prometheus/alerts.yml and the Grafana dashboards query is one the running services and
     * gateway really expose. The metrics that appear with their first event are made to appear: a session ends, its
     * mentor publishes a scorecard (feedback turnaround, score distribution) and a record that is no event reaches
     * the session topic (dead letters). Only the metrics of failures this healthy stack never has are left out,
     * and those must still be declared in the code.
     */
    @Test
    void everyMetricTheAlertsAndDashboardsQueryIsExposed() {
        Map<String, Set<String>> queried = OpsFiles.queriedMetrics();
        assertThat(queried).containsKeys("tango_events_dead_lettered_total", "http_server_requests_seconds_bucket");

        String studentId = freshStudentId();
        String id = post(sessionUrl(""), scheduleRequest(studentId), 201).getString("id");
        post(sessionUrl("/" + id + "/start"), null, 200);
        post(
                sessionUrl("/" + id + "/transcript/import"),
                "{\"text\":\"[00:00:05] Coach: What would you like to explore today?\"}",
                200);
        post(sessionUrl("/" + id + "/end"), null, 200);
        // Mentors have no API token: the mentor's calls go to the services with a JWT signed as the gateway does.
        String mentor =
                ServiceJwts.sign(stack, "mentor-marco", List.of("MENTOR"), List.of("pcc-2026"), "TangoSystemIT mentor");
        await().atMost(PROJECTION_PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Reply draft = send(asMentor(
                    mentor,
                    stack.feedbackServiceUrl() + "/api/feedback/sessions/" + id + "/comments",
                    "{\"body\":\"You let the client choose the topic.\",\"kind\":\"NOTE\"}"));
            assertThat(draft.status()).as("comment answered %s", draft.body()).isEqualTo(201);
        });
        await().atMost(PROJECTION_PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Reply published = send(asMentor(
                    mentor,
                    stack.scoringServiceUrl() + "/api/scoring/sessions/" + id + "/scorecards/mine/publish",
                    null));
            assertThat(published.status())
                    .as("publish answered %s", published.body())
                    .isEqualTo(200);
        });
        sendPoisonRecord();

        Set<String> declaredInCode = declaredMetricNames();
        ONLY_AFTER_A_FAILURE.forEach(metric -> assertThat(declaredInCode)
                .as("%s, which only a failure records, is declared in the code", metric)
                .contains(metric));
        String admin =
                ServiceJwts.sign(stack, "client-system-test", List.of("ADMIN"), List.of("pcc-2026"), "TangoSystemIT");
        await().atMost(PROJECTION_PATIENCE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, Set<String>> exposed = new LinkedHashMap<>();
            for (String url :
                    List.of(stack.sessionServiceUrl(), stack.scoringServiceUrl(), stack.feedbackServiceUrl())) {
                exposed.put(url, sampleNames(scrape(url, admin)));
            }
            exposed.put(stack.gatewayUrl(), sampleNames(scrape(stack.gatewayUrl(), adminToken)));
            Set<String> all = new HashSet<>();
            exposed.values().forEach(all::addAll);

            Map<String, Set<String>> missing = new TreeMap<>(queried);
            missing.keySet().removeAll(all);
            missing.keySet().removeAll(ONLY_AFTER_A_FAILURE);
            missing.keySet().removeAll(PROMETHEUS_OWN);
            assertThat(missing)
                    .as("metrics queried by alerts or dashboards that no service exposes (name: where)")
                    .isEmpty();
            assertThat(exposed.get(stack.scoringServiceUrl()))
                    .as("scoring-service dead-lettered the poison record")
                    .contains("tango_events_dead_lettered_total");
        });
    }

    private static HttpRequest asMentor(String jwt, String url, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + jwt);
        return json == null
                ? request.POST(HttpRequest.BodyPublishers.noBody()).build()
                : request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build();
    }

    /** A record that is no event on the session topic: every consumer of it must dead-letter it. */
    private static void sendPoisonRecord() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            "tango.session-events.v1",
                            "poison-" + UUID.randomUUID(),
                            "not an event".getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send the poison record", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String scrape(String baseUrl, String token) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                            .timeout(REQUEST_TIMEOUT)
                            .header("Authorization", "Bearer " + token)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("GET %s/actuator/prometheus", baseUrl)
                    .isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("scrape of " + baseUrl + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The sample names of a Prometheus text exposition, e.g. {@code tango_events_lag_seconds_bucket}. */
    static Set<String> sampleNames(String exposition) {
        Set<String> names = new HashSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int end = 0;
                while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                    end++;
                }
                names.add(line.substring(0, end));
            }
        }
        return names;
    }

    /** The Prometheus names of the meters the code builds ({@code Counter.builder("tango.x")} is tango_x_total). */
    private static Set<String> declaredMetricNames() {
        Pattern builder = Pattern.compile("(Counter|Timer|Gauge|DistributionSummary)\\.builder\\(\"([a-z.]+)\"");
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.walk(OpsFiles.root())) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                    .toList()) {
                Matcher meter = builder.matcher(Files.readString(file));
                while (meter.find()) {
                    String base = meter.group(2).replace('.', '_');
                    names.add(meter.group(1).equals("Counter") ? base + "_total" : base);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static String freshStudentId() {
        return "student-" + UUID.randomUUID();
    }

    private static String scheduleRequest(String studentId) {
        return "{\"programId\":\"pcc-2026\",\"studentId\":\"" + studentId + "\",\"mentorIds\":[\"mentor-marco\"]}";
    }

    private static String phaseRequest(String phase) {
        return "{\"phase\":\"" + phase + "\"}";
    }

    private static String sessionUrl(String path) {
        return stack.gatewayUrl() + "/api/sessions" + path;
    }

    private static String timelineUrl(String sessionId) {
        return stack.gatewayUrl() + "/api/scoring/sessions/" + sessionId + "/timeline";
    }

    private static String studentSessionsUrl(String studentId) {
        return stack.gatewayUrl() + "/api/feedback/students/" + studentId + "/sessions";
    }

    private static List<String> phasesOf(Document timeline) {
        return timeline.getList("phases", Document.class).stream()
                .map(visit -> visit.getString("phase"))
                .toList();
    }

    private static long number(Document document, String key) {
        Object value = document.get(key);
        assertThat(value).as(key).isInstanceOf(Number.class);
        return ((Number) value).longValue();
    }

    /** POSTs a JSON body (or none) and requires the given status. */
    private static Document post(String url, String json, int expectedStatus) {
        Reply reply = send(postRequest(url, json));
        assertThat(reply.status())
                .as("POST %s %s answered %s", url, json, reply.body())
                .isEqualTo(expectedStatus);
        return reply.body();
    }

    private static HttpRequest postRequest(String url, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + adminToken);
        if (json == null) {
            return request.POST(HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private static Document getOk(String url) {
        Reply reply = get(url);
        assertThat(reply.status()).as("GET %s answered %s", url, reply.body()).isEqualTo(200);
        return reply.body();
    }

    private static Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + adminToken)
                .GET()
                .build());
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    body.isBlank() ? new Document() : Document.parse(body));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    /** An HTTP answer with its JSON object body (parsed with the BSON driver's JSON reader, already on the path). */
    private record Reply(int status, String contentType, Document body) {}
}

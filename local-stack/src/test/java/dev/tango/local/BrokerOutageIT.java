package dev.tango.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox's promise, end to end: while Kafka is unreachable, writes to session-service still answer at once, and
 * once the broker is back every event reaches the topic exactly once and in per-session order.
 *
 * <p>Runs on the module's {@link SharedStack}, last of its classes (it stops and kills the broker, and leaves it
 * running again): session-service writes, the gateway issues the API token, and the test reads the topic from where
 * it ended when the test began. Three sessions, so several keys and usually several partitions are involved. Two outages: a graceful stop held until the
 * relay has given up at least once (so the recovery sweep is what delivers afterwards), then a {@code kill -9} with
 * an immediate restart, while the relay's sends are still in flight.
 */
@ExtendWith(SharedStack.class)
@Order(Order.DEFAULT + 1)
class BrokerOutageIT {

    private static final String TOPIC = "tango.session-events.v1";
    private static final String PROGRAM = "pcc-2026";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The longest a write may take while the broker is down. A write that waited for the producer would take at least
     * its {@code max.block.ms} (5 s, tango-defaults.yml); a write on a busy two-core machine takes well under a second.
     */
    private static final Duration PROMPT_WRITE = Duration.ofSeconds(4);

    /** The producer gives a record up after {@code delivery.timeout.ms} (30 s); the relay then schedules a sweep. */
    private static final Duration RELAY_GIVES_UP = Duration.ofSeconds(90);

    /** From the broker being healthy again until every event has arrived. */
    private static final Duration DELIVERY_PATIENCE = Duration.ofSeconds(90);

    private LocalStack stack;
    private HttpClient http;
    private String apiToken;
    private KafkaConsumer<String, byte[]> consumer;
    private final List<Arrived> arrivals = new ArrayList<>();

    @Test
    void writesSucceedWhileTheBrokerIsDownAndTheirEventsArriveOnceAndInOrderAfterItComesBack(LocalStack running)
            throws IOException {
        try (KafkaConsumer<String, byte[]> events = consumer(running)) {
            stack = running;
            consumer = events;
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(REQUEST_TIMEOUT)
                    .build();
            DemoUser admin = stack.demoUsers().stream()
                    .filter(user -> "ADMIN".equals(user.role()))
                    .findFirst()
                    .orElseThrow();
            apiToken = new GatewayClient(stack.gatewayUrl())
                    .issueApiToken(admin, "broker-outage-it", Instant.now().plus(Duration.ofHours(1)));

            // Broker up: three sessions scheduled and started, their first events seen on the topic.
            Map<String, List<String>> expected = new LinkedHashMap<>();
            for (int i = 0; i < 3; i++) {
                String id = post("", scheduleRequest()).getString("id");
                assertThat(post("/" + id + "/start", null).getString("currentPhase"))
                        .isEqualTo("OPENING");
                expected.put(id, new ArrayList<>(List.of("scheduled", "started", "phase-entered OPENING")));
            }
            List<String> ids = List.copyOf(expected.keySet());
            awaitArrivalOf(expected, Duration.ofSeconds(60));

            // Outage 1: a graceful stop, held until the relay has given up and left the events to a recovery sweep.
            stack.stop(Component.KAFKA);
            List<List<String>> movesWhileStopped = List.of(
                    List.of("EXPLORING", "MEANING_MAKING", "ACTION_PLANNING"),
                    List.of("MEANING_MAKING", "EXPLORING", "ACTION_PLANNING"),
                    List.of("EXPLORING", "ACTION_PLANNING", "EXPLORING"));
            Duration slowest = makeMoves(ids, movesWhileStopped, expected);
            int pendingAfterStop =
                    movesWhileStopped.stream().mapToInt(List::size).sum();
            await("the relay to give up on the stopped broker and count its backlog")
                    .atMost(RELAY_GIVES_UP)
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        String metrics = prometheus();
                        assertThat(metric(metrics, "tango_outbox_relay_failures_total", "reason=\"unavailable\""))
                                .isPositive();
                        assertThat(metric(metrics, "tango_outbox_backlog", "collection=\"sessions\""))
                                .isEqualTo((double) pendingAfterStop);
                    });
            Delivery first = restartAndAwaitDelivery(expected);

            // Outage 2: kill -9, more moves, the sessions end, and the broker comes straight back.
            stack.kill(Component.KAFKA);
            List<List<String>> movesWhileKilled =
                    List.of(List.of("CLOSING"), List.of("CLOSING"), List.of("ACTION_PLANNING", "CLOSING"));
            slowest = max(slowest, makeMoves(ids, movesWhileKilled, expected));
            for (String id : ids) {
                slowest = max(
                        slowest,
                        timed(() -> assertThat(post("/" + id + "/end", null).getString("status"))
                                .isEqualTo("ENDED")));
                expected.get(id).add("ended");
            }
            Delivery second = restartAndAwaitDelivery(expected);

            assertEveryEventArrivedOnceInOrder(expected);
            int total = expected.values().stream().mapToInt(List::size).sum();
            long partitions =
                    arrivals.stream().map(Arrived::partition).distinct().count();
            // The figures are this test's output; they are read from the build log.
            System.out.printf(
                    Locale.ROOT,
                    "BrokerOutageIT: %d events from %d sessions on %d partitions, each once and in order. Graceful"
                            + " stop: %d events delivered %s after the broker restarted (%s to healthy). kill -9:"
                            + " %d events delivered %s after the restart (%s to healthy). Slowest write while the"
                            + " broker was down: %d ms.%n",
                    total,
                    ids.size(),
                    partitions,
                    first.events(),
                    LocalStack.seconds(first.lastEventAfterRestart()),
                    LocalStack.seconds(first.brokerStartup()),
                    second.events(),
                    LocalStack.seconds(second.lastEventAfterRestart()),
                    LocalStack.seconds(second.brokerStartup()),
                    slowest.toMillis());
        }
    }

    /**
     * Round by round, one move per session and round, so that several documents wait in their outboxes at once. Each
     * write must answer 200 within {@link #PROMPT_WRITE}. Returns the slowest write.
     */
    private Duration makeMoves(List<String> ids, List<List<String>> moves, Map<String, List<String>> expected) {
        Duration slowest = Duration.ZERO;
        int rounds = moves.stream().mapToInt(List::size).max().orElse(0);
        for (int round = 0; round < rounds; round++) {
            for (int s = 0; s < ids.size(); s++) {
                if (round >= moves.get(s).size()) {
                    continue;
                }
                String id = ids.get(s);
                String phase = moves.get(s).get(round);
                slowest = max(
                        slowest,
                        timed(() -> assertThat(post("/" + id + "/phase", phaseRequest(phase))
                                        .getString("currentPhase"))
                                .isEqualTo(phase)));
                expected.get(id).add("phase-entered " + phase);
            }
        }
        return slowest;
    }

    private Duration timed(Runnable write) {
        long begin = System.nanoTime();
        write.run();
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        assertThat(took)
                .as("a write while the broker is down must not wait for it")
                .isLessThan(PROMPT_WRITE);
        return took;
    }

    /** Starts the broker again (same port, same data), waits for every expected event and for an empty outbox. */
    private Delivery restartAndAwaitDelivery(Map<String, List<String>> expected) {
        int before = arrivals.size();
        long restart = System.nanoTime();
        stack.start(Component.KAFKA);
        Duration brokerStartup = Duration.ofNanos(System.nanoTime() - restart);
        awaitArrivalOf(expected, DELIVERY_PATIENCE);
        long lastArrival = arrivals.get(arrivals.size() - 1).arrivedAtNanos();
        await("the outbox backlog to drain")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(metric(prometheus(), "tango_outbox_backlog", "collection=\"sessions\""))
                        .isZero());
        return new Delivery(arrivals.size() - before, brokerStartup, Duration.ofNanos(lastArrival - restart));
    }

    /**
     * Polls until at least the expected number of events of each session arrived. The consumer is used from this
     * thread only.
     */
    private void awaitArrivalOf(Map<String, List<String>> expected, Duration patience) {
        await("every expected event on " + TOPIC)
                .atMost(patience)
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    poll();
                    expected.forEach((id, events) -> assertThat(arrivalsOf(id))
                            .as("events of session %s", id)
                            .hasSizeGreaterThanOrEqualTo(events.size()));
                });
    }

    /**
     * Reads the topic to its end, then checks each session's events: one partition, each {@code ce_id} once,
     * sequences 1..N in the order they arrived, and the types and phases of the moves that were made.
     */
    private void assertEveryEventArrivedOnceInOrder(Map<String, List<String>> expected) {
        Set<TopicPartition> partitions = consumer.assignment();
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        await("the whole topic read")
                .atMost(Duration.ofSeconds(30))
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    poll();
                    return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
                });

        assertThat(arrivals.stream().map(Arrived::sessionId).distinct())
                .as("sessions on the topic")
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        Set<String> eventIds = new HashSet<>();
        List<String> duplicates = arrivals.stream()
                .filter(arrived -> !eventIds.add(arrived.eventId()))
                .map(Arrived::toString)
                .toList();
        assertThat(duplicates).as("records whose ce_id arrived before").isEmpty();
        expected.forEach((id, events) -> {
            List<Arrived> received = arrivalsOf(id);
            assertThat(received.stream().map(Arrived::partition).distinct())
                    .as("partitions of session %s", id)
                    .hasSize(1);
            assertThat(received.stream().map(Arrived::sequence))
                    .as("sequences of session %s in the order they arrived", id)
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, events.size()).boxed().toList());
            assertThat(received.stream().map(Arrived::event))
                    .as("events of session %s", id)
                    .containsExactlyElementsOf(events);
        });
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            arrivals.add(Arrived.of(record, System.nanoTime()));
        }
    }

    private List<Arrived> arrivalsOf(String sessionId) {
        return arrivals.stream()
                .filter(arrived -> arrived.sessionId().equals(sessionId))
                .toList();
    }

    /**
     * Reads every partition of the topic from where it ends now, without a group: nothing is committed anywhere, and
     * what the shared stack's earlier tests wrote stays behind.
     */
    private static KafkaConsumer<String, byte[]> consumer(LocalStack stack) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafkaBootstrap(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        assertThat(partitions).as("partitions of %s", TOPIC).hasSize(6);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: fix each position now, before this test writes anything.
        partitions.forEach(consumer::position);
        return consumer;
    }

    /**
     * session-service's own Prometheus scrape. Its actuator is not behind the gateway and wants an ADMIN service JWT,
     * which the gateway only mints for the calls it routes; so the test signs one the way the gateway does, with the
     * gateway's key from this stack's data directory.
     */
    private String prometheus() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.sessionServiceUrl() + "/actuator/prometheus"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + adminServiceJwt())
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode())
                .as("GET /actuator/prometheus answered %s", response.body())
                .isEqualTo(200);
        return response.body();
    }

    /** The sum of a metric's samples whose labels contain {@code label}, e.g. {@code collection="sessions"}. */
    static double metric(String scrape, String name, String label) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = sample.matcher(scrape);
        double sum = 0;
        boolean found = false;
        while (matcher.find()) {
            if (matcher.group(1).contains(label)) {
                sum += Double.parseDouble(matcher.group(2));
                found = true;
            }
        }
        return found ? sum : 0;
    }

    /** An RS256 JWT with the claims the gateway puts in its service tokens, for an API client with role ADMIN. */
    private String adminServiceJwt() {
        return ServiceJwts.sign(stack, "client-broker-outage-it", List.of("ADMIN"), List.of(PROGRAM), "BrokerOutageIT");
    }

    private static String scheduleRequest() {
        return "{\"programId\":\"" + PROGRAM + "\",\"studentId\":\"student-" + UUID.randomUUID()
                + "\",\"mentorIds\":[\"mentor-marco\"]}";
    }

    private static String phaseRequest(String phase) {
        return "{\"phase\":\"" + phase + "\"}";
    }

    /** POSTs to {@code /api/sessions<path>} through the gateway; 201 for a new session, 200 otherwise. */
    private Document post(String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/sessions" + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + apiToken);
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = send(request.build());
        assertThat(response.statusCode())
                .as("POST /api/sessions%s %s answered %s", path, json, response.body())
                .isEqualTo(path.isEmpty() ? 201 : 200);
        return Document.parse(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * What one outage's restart delivered.
     *
     * @param events records that arrived after the restart
     * @param brokerStartup from {@code start(KAFKA)} until the broker was healthy
     * @param lastEventAfterRestart from {@code start(KAFKA)} until the last of them arrived
     */
    private record Delivery(int events, Duration brokerStartup, Duration lastEventAfterRestart) {}

    /** One record as the consumer saw it, described by its CloudEvents headers and payload. */
    private record Arrived(
            String sessionId,
            int partition,
            long offset,
            String eventId,
            long sequence,
            String event,
            long arrivedAtNanos) {

        static Arrived of(ConsumerRecord<String, byte[]> record, long arrivedAtNanos) {
            String type = header(record, "ce_type");
            assertThat(header(record, "ce_subject")).as("ce_subject").isEqualTo(record.key());
            // tango.session.phase-entered.v1 -> phase-entered, plus the phase entered
            String event = type.replaceFirst("^tango\\.session\\.", "").replaceFirst("\\.v1$", "");
            if ("phase-entered".equals(event)) {
                event += " "
                        + Document.parse(new String(record.value(), StandardCharsets.UTF_8))
                                .getString("phase");
            }
            return new Arrived(
                    record.key(),
                    record.partition(),
                    record.offset(),
                    header(record, "ce_id"),
                    Long.parseLong(header(record, "ce_sequence")),
                    event,
                    arrivedAtNanos);
        }

        private static String header(ConsumerRecord<?, ?> record, String name) {
            Header header = record.headers().lastHeader(name);
            assertThat(header)
                    .as("header %s of %s-%d@%d", name, record.topic(), record.partition(), record.offset())
                    .isNotNull();
            return new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}

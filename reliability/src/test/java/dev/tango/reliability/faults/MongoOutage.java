package dev.tango.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.local.Component;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Scenario 3 as a fault: the MongoDB-protocol server stopped for a while under load. Meanwhile probes send writes of
 * every service (schedule, phase move, observation, comment) and reads, several at once, and record how and how fast
 * each was answered. Afterwards {@link #assertOutageHandled} checks the answers and that none of the refused writes
 * left anything behind.
 */
final class MongoOutage implements Scenario.Fault {

    /** The bound the issue states for a write during the outage. */
    static final Duration PROMPT = Duration.ofSeconds(2);

    private static final String PROBE_STUDENT = "outage-probe-student";

    private final Duration outage;
    private final List<Probe> probes = Collections.synchronizedList(new ArrayList<>());
    private String probeSession;
    private LoadDriver.Mentor mentor;

    MongoOutage(Duration outage) {
        this.outage = outage;
    }

    /** One probe's answer. */
    record Probe(String kind, boolean write, Api.Reply reply) {}

    @Override
    public String inject(FaultStack stack, LoadDriver load) {
        Api api = stack.api(Duration.ofSeconds(30));
        mentor = stack.mentors().get(0);
        probeSession = api.send(
                        stack.adminToken(),
                        "POST",
                        "/api/sessions",
                        "{\"programId\":\"" + LoadDriver.PROGRAM + "\",\"studentId\":\"outage-probe-owner\","
                                + "\"mentorIds\":[\"" + mentor.id() + "\"]}",
                        null)
                .json()
                .getString("id");
        assertThat(api.send(stack.adminToken(), "POST", "/api/sessions/" + probeSession + "/start", null, null)
                        .status())
                .isEqualTo(200);
        // The probes must measure the services, not a client waiting on its own: a short client timeout.
        Api probing = stack.api(Duration.ofSeconds(15));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long stopped;
        long restarted;
        long healthy;
        try {
            stopped = System.nanoTime();
            stack.stack().stop(Component.MONGO);
            await("the outage to last " + outage.toSeconds() + " s, probing all the while")
                    .atMost(outage.plusSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        probeRound(stack, probing, pool);
                        return System.nanoTime() - stopped >= outage.toNanos();
                    });
            restarted = System.nanoTime();
            stack.stack().start(Component.MONGO);
            healthy = System.nanoTime();
        } finally {
            pool.shutdownNow();
        }
        return String.format(
                Locale.ROOT,
                "MongoDB-protocol server stopped for %.1f s (healthy %.1f s after its restart); %d probes: %s,"
                        + " slowest write answer %d ms",
                Scenario.seconds(restarted - stopped),
                Scenario.seconds(healthy - restarted),
                probes.size(),
                tally(),
                slowestWrite().toMillis());
    }

    private void probeRound(FaultStack stack, Api api, ExecutorService pool) {
        String admin = stack.adminToken();
        String sessions = "/api/sessions";
        String scoring = "/api/scoring/sessions/" + probeSession;
        List<Supplier<Probe>> round = List.of(
                () -> new Probe(
                        "schedule",
                        true,
                        api.send(
                                admin,
                                "POST",
                                sessions,
                                "{\"programId\":\"" + LoadDriver.PROGRAM + "\",\"studentId\":\"" + PROBE_STUDENT
                                        + "\",\"mentorIds\":[\"" + mentor.id() + "\"]}",
                                null)),
                () -> new Probe(
                        "phase move",
                        true,
                        api.send(
                                admin,
                                "POST",
                                sessions + "/" + probeSession + "/phase",
                                "{\"phase\":\"EXPLORING\"}",
                                java.util.UUID.randomUUID().toString())),
                () -> new Probe(
                        "observation",
                        true,
                        api.send(
                                mentor.token(),
                                "POST",
                                scoring + "/observations",
                                "{\"kind\":\"MARKER\",\"itemId\":\"opening.work-together\"}",
                                null)),
                () -> new Probe(
                        "comment",
                        true,
                        api.send(
                                mentor.token(),
                                "POST",
                                "/api/feedback/sessions/" + probeSession + "/comments",
                                "{\"body\":\"during the outage\",\"kind\":\"NOTE\",\"publish\":true}",
                                null)),
                () -> new Probe("read session", false, api.get(admin, sessions + "/" + probeSession)),
                () -> new Probe("read feedback page", false, api.get(admin, "/api/feedback/sessions/" + probeSession)),
                () -> new Probe("sign-in page", false, loginPage(stack)));
        List<CompletableFuture<Probe>> answers = round.stream()
                .map(probe -> CompletableFuture.supplyAsync(probe, pool))
                .toList();
        answers.forEach(answer -> probes.add(answer.join()));
    }

    private static Api.Reply loginPage(FaultStack stack) {
        return new Api(stack.stack().gatewayUrl(), Duration.ofSeconds(15)).send("none", "GET", "/login", null, null);
    }

    /** Every write answered 503 problem+json with Retry-After within {@link #PROMPT}; reads answered promptly too. */
    void assertOutageHandled() {
        List<Probe> all;
        synchronized (probes) {
            all = List.copyOf(probes);
        }
        assertThat(all).as("probes during the outage").isNotEmpty();
        for (Probe probe : all) {
            Api.Reply reply = probe.reply();
            String what = probe.kind() + " during the outage answered " + reply + " after "
                    + reply.took().toMillis() + " ms";
            assertThat(reply.took()).as(what).isLessThan(PROMPT);
            if (probe.write()) {
                assertThat(reply.status()).as(what).isEqualTo(503);
                assertThat(reply.isProblem()).as(what + ": problem+json").isTrue();
                assertThat(reply.retryAfter()).as(what + ": Retry-After").isPresent();
            } else if (probe.kind().equals("sign-in page")) {
                assertThat(reply.status()).as(what).isEqualTo(200);
            } else if (!reply.accepted()) {
                assertThat(reply.isProblem()).as(what + ": a visible problem").isTrue();
            }
        }
    }

    /** None of the refused writes left a trace: the probe session is as before, and no probe session exists. */
    void assertNoPartialState(FaultStack stack) {
        Api api = stack.api(Duration.ofSeconds(30));
        String admin = stack.adminToken();
        assertThat(api.read(admin, "/api/sessions?studentId=" + PROBE_STUDENT).getList("items", Object.class))
                .as("sessions scheduled during the outage")
                .isEmpty();
        assertThat(api.read(admin, "/api/sessions/" + probeSession).getString("currentPhase"))
                .as("phase of the probe session")
                .isEqualTo("OPENING");
        assertThat(api.read(admin, "/api/scoring/sessions/" + probeSession + "/observations")
                        .getList("items", Object.class))
                .as("observations of the probe session")
                .isEmpty();
        assertThat(api.read(admin, "/api/feedback/sessions/" + probeSession + "/comments")
                        .getList("items", Object.class))
                .as("comments on the probe session")
                .isEmpty();
    }

    private String tally() {
        synchronized (probes) {
            Map<String, Map<Integer, Long>> counts = probes.stream()
                    .collect(Collectors.groupingBy(
                            Probe::kind,
                            TreeMap::new,
                            Collectors.groupingBy(p -> p.reply().status(), TreeMap::new, Collectors.counting())));
            return counts.toString();
        }
    }

    private Duration slowestWrite() {
        synchronized (probes) {
            return probes.stream()
                    .filter(Probe::write)
                    .map(p -> p.reply().took())
                    .max(Duration::compareTo)
                    .orElse(Duration.ZERO);
        }
    }
}

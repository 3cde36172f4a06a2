package dev.tango.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One fault scenario under load: the load runs in the background, the fault is injected once the load has reached a
 * share of its events, and afterwards the platform must converge (outboxes empty, consumer lag zero) and every
 * projection and both topics must match what was accepted. Prints one line of figures and fails on any difference.
 */
final class Scenario {

    private static final System.Logger LOG = System.getLogger(Scenario.class.getName());

    /** A fault: what it does to the stack while the load runs, and what it reports about itself. */
    interface Fault {
        /** Injects the fault and undoes it (e.g. kill -9, then restart); returns what to print about it. */
        String inject(FaultStack stack, LoadDriver load) throws Exception;
    }

    /** When to inject a fault: at a share of the planned events, e.g. 0.5 for halfway. */
    record Trigger(double share, Fault fault) {}

    private final FaultStack stack;
    private final String name;
    private final LoadDriver.Plan plan;
    private final int plannedEvents;
    private final List<Trigger> triggers;
    private final Duration convergencePatience;
    private boolean relayMayRepeat;

    Scenario(
            FaultStack stack,
            String name,
            LoadDriver.Plan plan,
            int plannedEvents,
            List<Trigger> triggers,
            Duration convergencePatience) {
        this.stack = stack;
        this.name = name;
        this.plan = plan;
        this.plannedEvents = plannedEvents;
        this.triggers = triggers;
        this.convergencePatience = convergencePatience;
    }

    /**
     * The outbox relay may publish an event a second time (same {@code ce_id}, same sequence) when the database went
     * away between its send and the removal of the outbox entry: the recovery sweep sends it again. Consumers drop
     * the copy by its sequence, so the projections are still checked exactly; the copies are printed, not failed.
     */
    Scenario relayMayRepeat() {
        this.relayMayRepeat = true;
        return this;
    }

    /** Sessions needed for about {@code events} events (a session causes about 20). */
    static int sessionsFor(int events) {
        return Math.max(1, (int) Math.ceil(events / 19.0));
    }

    /** Runs the scenario; returns its figures line (also printed). */
    String run() throws Exception {
        long begin = System.nanoTime();
        LoadDriver load =
                new LoadDriver(stack.api(Duration.ofSeconds(10)), plan, stack.adminToken(), stack.mentors()).start();
        List<String> faults = new ArrayList<>();
        long lastFaultEnd = begin;
        try {
            for (Trigger trigger : triggers) {
                int threshold = (int) (plannedEvents * trigger.share());
                await(name + ": the load to reach " + threshold + " events")
                        .atMost(Duration.ofMinutes(20))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> load.acceptedEvents() >= threshold || load.isDone());
                faults.add(trigger.fault().inject(stack, load) + " at " + load.acceptedEvents() + " events");
                lastFaultEnd = System.nanoTime();
            }
            assertThat(load.awaitDone(Duration.ofMinutes(30)))
                    .as("%s: the load to finish", name)
                    .isTrue();
        } finally {
            load.stopNow();
        }
        long loadEnd = System.nanoTime();
        AtomicReference<Map<String, Long>> lag = new AtomicReference<>();
        AtomicReference<Long> backlog = new AtomicReference<>();
        await(name + ": outboxes empty and consumer lag zero")
                .atMost(convergencePatience)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    backlog.set(stack.outboxBacklog());
                    lag.set(stack.consumerLag());
                    assertThat(backlog.get())
                            .as("documents with events in their outbox")
                            .isZero();
                    assertThat(lag.get().values())
                            .as("consumer lag per group %s", lag.get())
                            .isNotEmpty()
                            .allMatch(behind -> behind == 0);
                });
        long converged = System.nanoTime();

        List<ExpectedSession> sessions = load.sessions();
        Verifier verifier = new Verifier(stack.api(Duration.ofSeconds(30)), stack.adminToken());
        Verifier.Result first = verifier.verify(sessions);
        Verifier.Result verified = first;
        if (!first.problems().isEmpty()) {
            // Lag zero means every record was committed; give a projection a moment more, then check those again.
            List<ExpectedSession> suspects = sessions.stream()
                    .filter(s -> first.failingSessions().contains(s.id))
                    .toList();
            AtomicReference<Verifier.Result> again = new AtomicReference<>(first);
            try {
                await(name + ": the sessions that differed to match after all")
                        .atMost(Duration.ofSeconds(60))
                        .pollDelay(Duration.ofSeconds(5))
                        .pollInterval(Duration.ofSeconds(5))
                        .until(() -> {
                            again.set(verifier.verify(suspects));
                            return again.get().problems().isEmpty();
                        });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "sessions still differ: " + again.get().problems());
            }
            verified = new Verifier.Result(
                    sessions.size(),
                    again.get().lost(),
                    again.get().duplicated(),
                    again.get().problems(),
                    again.get().failingSessions());
        }

        List<String> topicProblems = new ArrayList<>();
        int records = 0;
        int duplicateIds = 0;
        for (String topic : FaultStack.TOPICS) {
            TopicAudit.Counts counts = TopicAudit.read(stack.stack().kafkaBootstrap(), topic);
            records += counts.records();
            // Only this scenario's sessions: earlier scenarios on the same stack answered for theirs.
            List<String> repeatedIds = ours(counts.duplicateIds(), sessions);
            List<String> repeatedSequences = ours(counts.duplicateSequences(), sessions);
            duplicateIds += repeatedIds.size();
            if (!repeatedIds.isEmpty()) {
                String repeated = topic + ": ce_id more than once " + first(repeatedIds);
                if (relayMayRepeat) {
                    System.out.println("  relayed again (allowed here, dropped by the consumers): " + repeated);
                } else {
                    topicProblems.add(repeated);
                }
            }
            if (repeatedSequences.size() > (relayMayRepeat ? repeatedIds.size() : 0)) {
                topicProblems.add(topic + ": session sequence more than once " + first(repeatedSequences));
            }
            for (ExpectedSession s : sessions) {
                int expected = topic.contains("session") ? s.sessionEvents() : s.scoreEvents();
                int found = (relayMayRepeat ? counts.distinctPerSession() : counts.perSession()).getOrDefault(s.id, 0);
                if (found < expected || (found > expected && s.exact())) {
                    topicProblems.add(topic + ": session " + s.id + " has " + found + " events, expected " + expected);
                }
            }
        }
        long exact = sessions.stream().filter(ExpectedSession::exact).count();
        String figures = String.format(
                Locale.ROOT,
                "%s: %s. Faults: %s. Converged (outboxes empty, lag 0) %.1f s after the last fault was undone, %.1f s"
                        + " after the load ended; whole run %.1f s. Verified %d sessions (%d exact): lost %d,"
                        + " duplicated %d; topics: %d records, %d duplicate ce_ids.",
                name,
                load.summary(),
                faults,
                seconds(converged - lastFaultEnd),
                seconds(converged - loadEnd),
                seconds(converged - begin),
                verified.sessions(),
                exact,
                verified.lost(),
                verified.duplicated(),
                records,
                duplicateIds);
        System.out.println(figures);
        LOG.log(System.Logger.Level.INFO, figures);
        load.refusals().stream().limit(20).forEach(refusal -> System.out.println("  refused: " + refusal));

        assertThat(verified.problems())
                .as("%s: projections against accepted commands", name)
                .isEmpty();
        assertThat(topicProblems).as("%s: topics", name).isEmpty();
        assertThat(load.acceptedEvents())
                .as("%s: events accepted", name)
                .isGreaterThanOrEqualTo(plannedEvents * 9 / 10);
        return figures;
    }

    private static List<String> ours(List<String> repeats, List<ExpectedSession> sessions) {
        java.util.Set<String> ids = sessions.stream().map(s -> s.id).collect(java.util.stream.Collectors.toSet());
        return repeats.stream()
                .filter(repeat -> ids.contains(repeat.substring(0, Math.max(0, repeat.indexOf('#')))))
                .toList();
    }

    private static List<String> first(List<String> items) {
        return items.subList(0, Math.min(10, items.size()));
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}

package dev.tango.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.local.Component;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five fault scenarios of RELIABILITY.md on one running stack, in order; each drives its own sessions and checks
 * them (and the whole topics) afterwards. Run with {@code -Preliability} (tag {@code faults}). Sizes, as system
 * properties: {@code faults.events} (events of scenario 1, default 5000), {@code faults.events.others} (scenarios 2
 * and 5, default as scenario 1), {@code faults.mongo.events}
 * (scenario 3, default 1000), {@code faults.concurrency} (sessions at once, default 12), {@code faults.mongo.outage}
 * (seconds, default 30).
 */
@Tag("faults")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultScenariosIT {

    private static final int EVENTS = Integer.getInteger("faults.events", 5_000);
    private static final int OTHER_EVENTS = Integer.getInteger("faults.events.others", EVENTS);
    private static final int MONGO_EVENTS = Integer.getInteger("faults.mongo.events", 1_000);
    private static final int CONCURRENCY = Integer.getInteger("faults.concurrency", 12);
    private static final Duration MONGO_OUTAGE = Duration.ofSeconds(Integer.getInteger("faults.mongo.outage", 30));

    /** Long enough for a write to outlast any fault here, a whole-stack restart included. */
    private static final Duration RETRY_FOR = Duration.ofSeconds(300);

    private static final Duration CONVERGENCE = Duration.ofMinutes(5);

    /** Kept when a test failed, for the components' logs under {@code logs/}. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dataDir;

    private FaultStack stack;

    @BeforeAll
    void startStack() throws Exception {
        stack = new FaultStack(dataDir, Duration.ofSeconds(300)).start(4);
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void brokerKilledMidStream() throws Exception {
        run(
                "1. Broker killed mid-stream",
                EVENTS,
                11,
                List.of(new Scenario.Trigger(
                        0.5, Faults.killAndRestart(Component.KAFKA, 4 * CONCURRENCY, Duration.ofSeconds(20)))));
    }

    /**
     * scoring-service owns an outbox too: killed between the broker's ack and the removal of the entry, it publishes
     * that entry again after its restart (same {@code ce_id} and sequence, dropped by the consumers), as scenario 3
     * allows; the projections are still checked exactly.
     */
    @Test
    @Order(2)
    void consumerServicesKilledMidStream() throws Exception {
        runRelayMayRepeat(
                "2. Consumer services killed mid-stream",
                OTHER_EVENTS,
                12,
                List.of(
                        new Scenario.Trigger(
                                0.3,
                                Faults.killAndRestart(
                                        Component.SCORING_SERVICE, 4 * CONCURRENCY, Duration.ofSeconds(10))),
                        new Scenario.Trigger(
                                0.6,
                                Faults.killAndRestart(
                                        Component.FEEDBACK_SERVICE, 4 * CONCURRENCY, Duration.ofSeconds(10)))));
    }

    @Test
    @Order(3)
    void mongoUnavailable() throws Exception {
        MongoOutage outage = new MongoOutage(MONGO_OUTAGE);
        AssertionError convergence = null;
        try {
            LoadDriver.Plan plan =
                    new LoadDriver.Plan(Scenario.sessionsFor(MONGO_EVENTS), CONCURRENCY, RETRY_FOR, 13, "s13");
            String figures = new Scenario(
                            stack,
                            "3. MongoDB-protocol server unavailable",
                            plan,
                            MONGO_EVENTS,
                            List.of(new Scenario.Trigger(0.3, outage)),
                            CONVERGENCE)
                    .relayMayRepeat()
                    .run();
            assertThat(figures).contains("lost 0", "duplicated 0");
        } catch (AssertionError e) {
            convergence = e;
        }
        outage.assertOutageHandled();
        outage.assertNoPartialState(stack);
        if (convergence != null) {
            throw convergence;
        }
    }

    @Test
    @Order(4)
    void poisonMessages() throws Exception {
        LoadDriver.Plan plan =
                new LoadDriver.Plan(Scenario.sessionsFor(200), CONCURRENCY, RETRY_FOR, 14, "after-poison");
        String figures = PoisonMessages.run(
                stack, new Scenario(stack, "4. Good load after poison messages", plan, 200, List.of(), CONVERGENCE));
        assertThat(figures).contains("lost 0", "duplicated 0");
    }

    @Test
    @Order(5)
    void wholeStackRestartedDuringLoad() throws Exception {
        run(
                "5. Whole stack restarted during load",
                OTHER_EVENTS,
                15,
                List.of(new Scenario.Trigger(0.5, Faults.restartWholeStack())));
    }

    private void run(String name, int events, long seed, List<Scenario.Trigger> triggers) throws Exception {
        assertThat(scenario(name, events, seed, triggers).run()).contains("lost 0", "duplicated 0");
    }

    private void runRelayMayRepeat(String name, int events, long seed, List<Scenario.Trigger> triggers)
            throws Exception {
        assertThat(scenario(name, events, seed, triggers).relayMayRepeat().run())
                .contains("lost 0", "duplicated 0");
    }

    private Scenario scenario(String name, int events, long seed, List<Scenario.Trigger> triggers) {
        LoadDriver.Plan plan =
                new LoadDriver.Plan(Scenario.sessionsFor(events), CONCURRENCY, RETRY_FOR, seed, "s" + seed);
        return new Scenario(stack, name, plan, events, triggers, CONVERGENCE);
    }
}

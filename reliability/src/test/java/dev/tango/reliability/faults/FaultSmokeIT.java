package dev.tango.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.local.Component;
import dev.tango.local.LocalStack;
import dev.tango.local.SharedStack;
import dev.tango.reliability.ReliabilityStack;
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
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fast subset of the fault scenarios, in the default test command: a few sessions through their whole lifecycle
 * with one {@code kill -9} of Kafka halfway, then poison messages on both consumed topics. Same checks as the full
 * scenarios ({@link FaultScenariosIT}): every projection matches the accepted commands, no {@code ce_id} twice on the
 * topics, outboxes empty and consumer lag zero. Sizes: {@code -Dfaults.smoke.sessions} (default 6).
 *
 * <p>Runs on the module's shared stack ({@link ReliabilityStack}), first of the classes that use it: the kill -9 is
 * over and every projection checked before the next class begins.
 */
@Tag("smoke")
@Order(1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSmokeIT {

    private static final int SESSIONS = Integer.getInteger("faults.smoke.sessions", 6);

    /** The module's shared stack, which {@code HostileInputIT} uses too. */
    @RegisterExtension
    static final SharedStack SHARED = ReliabilityStack.shared();

    private FaultStack stack;

    @BeforeAll
    void issueTokens(LocalStack shared) throws Exception {
        stack = FaultStack.on(shared, 2);
    }

    @AfterAll
    void closeClients() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void brokerKilledHalfwayLosesAndDuplicatesNothing() throws Exception {
        LoadDriver.Plan plan = new LoadDriver.Plan(SESSIONS, 3, Duration.ofSeconds(120), 1, "smoke-broker");
        String figures = new Scenario(
                        stack,
                        "Smoke: broker killed mid-stream",
                        plan,
                        SESSIONS * 19,
                        List.of(new Scenario.Trigger(
                                0.5, Faults.killAndRestart(Component.KAFKA, 12, Duration.ofSeconds(10)))),
                        Duration.ofSeconds(120))
                .run();
        assertThat(figures).contains("lost 0", "duplicated 0");
    }

    @Test
    @Order(2)
    void poisonMessagesAreDeadLetteredAndGoodEventsStillProcessed() throws Exception {
        LoadDriver.Plan plan = new LoadDriver.Plan(2, 2, Duration.ofSeconds(60), 2, "smoke-after-poison");
        String figures = PoisonMessages.run(
                stack,
                new Scenario(stack, "Smoke: good load after poison", plan, 2 * 19, List.of(), Duration.ofSeconds(60)));
        assertThat(figures).contains("lost 0", "duplicated 0");
    }
}

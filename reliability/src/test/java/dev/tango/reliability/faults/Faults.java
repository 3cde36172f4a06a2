package dev.tango.reliability.faults;

import static org.awaitility.Awaitility.await;

import dev.tango.local.Component;
import java.time.Duration;
import java.util.Locale;

/** The faults the scenarios inject. */
final class Faults {

    private Faults() {}

    /**
     * {@code kill -9} of one component, held down while the load makes {@code attemptsWhileDown} more requests (at
     * most {@code maxDown}), then started again on the same port and data.
     */
    static Scenario.Fault killAndRestart(Component component, int attemptsWhileDown, Duration maxDown) {
        return (stack, load) -> {
            long killed = System.nanoTime();
            stack.stack().kill(component);
            holdWhileLoadRuns(load, attemptsWhileDown, maxDown, killed);
            long down = System.nanoTime();
            stack.stack().start(component);
            long up = System.nanoTime();
            return String.format(
                    Locale.ROOT,
                    "kill -9 of %s, down %.1f s, healthy %.1f s after its restart",
                    component.displayName(),
                    Scenario.seconds(down - killed),
                    Scenario.seconds(up - down));
        };
    }

    /** The whole stack stopped (SIGTERM, services first) and started again on the same ports and data. */
    static Scenario.Fault restartWholeStack() {
        return (stack, load) -> {
            FaultStack.Restart restart = stack.restartWhole();
            return String.format(
                    Locale.ROOT,
                    "whole stack stopped in %.1f s and started again, healthy %.1f s later (down %.1f s)",
                    restart.stopping().toMillis() / 1e3,
                    restart.starting().toMillis() / 1e3,
                    restart.down().toMillis() / 1e3);
        };
    }

    /** Until the load has made {@code attempts} more requests, or {@code maxDown} has passed since {@code since}. */
    static void holdWhileLoadRuns(LoadDriver load, int attempts, Duration maxDown, long since) {
        long before = load.attempts();
        await("the load to keep trying while the fault lasts")
                .atMost(maxDown.plusSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> load.attempts() >= before + attempts
                        || load.isDone()
                        || System.nanoTime() - since >= maxDown.toNanos());
    }
}

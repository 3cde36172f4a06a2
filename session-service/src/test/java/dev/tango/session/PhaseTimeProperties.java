package dev.tango.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.UserId;
import dev.tango.events.session.SessionEnded;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever path a conversation takes through the phases, and however the clock moves (including steps back), the time
 * per phase adds up to the session's length, and the skipped phases are exactly those never entered.
 */
class PhaseTimeProperties {

    private static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");

    @Property(tries = 500)
    void phaseTimesAddUpToTheSessionLength(@ForAll("walks") Walk walk) {
        PracticeSession session = PracticeSession.schedule(
                SessionId.of("s-1"),
                ProgramId.of("pcc-2026"),
                UserId.of("student-ana"),
                List.of(UserId.of("mentor-marco")),
                SessionMode.LIVE,
                T0,
                null,
                null,
                T0);
        Instant now = T0.plusMillis(walk.clockSteps().get(0));
        session.start(now);
        Set<Phase> entered = EnumSet.of(Phase.OPENING);
        for (int i = 0; i < walk.choices().size(); i++) {
            List<Phase> allowed = session.allowedMoves();
            Phase next = allowed.get(walk.choices().get(i) % allowed.size());
            now = now.plusMillis(walk.clockSteps().get(i + 1));
            session.enterPhase(next, now);
            entered.add(next);
        }
        now = now.plusMillis(walk.clockSteps().get(walk.clockSteps().size() - 1));
        SessionEnded ended = (SessionEnded) session.end(now).get(0);

        PracticeSession.Snapshot state = session.snapshot();
        long length = Duration.between(state.startedAt(), state.endedAt()).toMillis();
        assertThat(ended.timeInPhaseMs().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(ended.durationMs())
                .isEqualTo(length);
        assertThat(ended.timeInPhaseMs().values())
                .allSatisfy(ms -> assertThat(ms).isNotNegative());
        assertThat(ended.timeInPhaseMs().keySet()).isEqualTo(entered);
        assertThat(ended.skippedPhases())
                .containsExactlyElementsOf(Arrays.stream(Phase.values())
                        .filter(phase -> !entered.contains(phase))
                        .toList());
    }

    /**
     * A path through the phases (each choice picks one of the moves allowed at that point) and the clock's step before
     * each change: mostly forward by up to 20 minutes, sometimes back by up to 5 (a clock correction).
     */
    @Provide
    Arbitrary<Walk> walks() {
        Arbitrary<Long> step = Arbitraries.oneOf(
                Arbitraries.longs().between(0, Duration.ofMinutes(20).toMillis()),
                Arbitraries.longs().between(-Duration.ofMinutes(5).toMillis(), 0));
        return Arbitraries.integers()
                .between(0, 40)
                .flatMap(moves -> Combinators.combine(
                                Arbitraries.integers().between(0, 10).list().ofSize(moves),
                                step.list().ofSize(moves + 2))
                        .as(Walk::new));
    }

    record Walk(List<Integer> choices, List<Long> clockSteps) {}
}

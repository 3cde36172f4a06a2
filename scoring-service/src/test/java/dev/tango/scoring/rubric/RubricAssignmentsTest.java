package dev.tango.scoring.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A program's rubric history: which assignment is in effect when, and how new ones are dated. */
class RubricAssignmentsTest {

    private static final ProgramId PROGRAM = ProgramId.of("pcc-2026");
    private static final UserId ADMIN = UserId.of("admin-ada");
    private static final RubricRef PARTNERSHIP = new RubricRef("partnership", 1);
    private static final RubricRef PCC_V1 = new RubricRef("pcc", 1);
    private static final RubricRef PCC_V2 = new RubricRef("pcc", 2);
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private static ProgramRubrics assigned(ProgramRubrics history, RubricRef ref, Instant now) {
        return history.with(history.assign(ref, ADMIN, now).orElseThrow());
    }

    @Test
    void aProgramThatNeverChoseHasNothingInEffect() {
        ProgramRubrics none = ProgramRubrics.none(PROGRAM);

        assertThat(none.current()).isEmpty();
        assertThat(none.inEffectAt(T0)).isEmpty();
        assertThat(none.revision()).isZero();
    }

    @Test
    void eachAssignmentIsInEffectFromItsInstantUntilTheNext() {
        ProgramRubrics history = assigned(ProgramRubrics.none(PROGRAM), PCC_V1, T0);
        history = assigned(history, PCC_V2, T0.plusSeconds(60));
        history = assigned(history, PARTNERSHIP, T0.plusSeconds(120));

        assertThat(history.inEffectAt(T0.minusMillis(1))).isEmpty();
        assertThat(history.inEffectAt(T0).orElseThrow().rubric()).isEqualTo(PCC_V1);
        assertThat(history.inEffectAt(T0.plusSeconds(59)).orElseThrow().rubric())
                .isEqualTo(PCC_V1);
        assertThat(history.inEffectAt(T0.plusSeconds(60)).orElseThrow().rubric())
                .isEqualTo(PCC_V2);
        assertThat(history.inEffectAt(T0.plusSeconds(3600)).orElseThrow().rubric())
                .isEqualTo(PARTNERSHIP);
        assertThat(history.current().orElseThrow().rubric()).isEqualTo(PARTNERSHIP);
        assertThat(history.revision()).isEqualTo(3);
    }

    @Test
    void aNewAssignmentTakesEffectStrictlyAfterThePreviousOneEvenIfTheClockDidNotMove() {
        ProgramRubrics history = assigned(ProgramRubrics.none(PROGRAM), PCC_V1, T0.plusNanos(999_999));

        RubricAssignment sameInstant = history.assign(PCC_V2, ADMIN, T0).orElseThrow();

        assertThat(history.current().orElseThrow().effectiveFrom()).isEqualTo(T0);
        assertThat(sameInstant.effectiveFrom()).isEqualTo(T0.plusMillis(1));
        assertThat(sameInstant.assignedBy()).isEqualTo(ADMIN);
    }

    @Test
    void choosingTheVersionInEffectChangesNothing() {
        ProgramRubrics history = assigned(ProgramRubrics.none(PROGRAM), PCC_V1, T0);

        assertThat(history.assign(PCC_V1, ADMIN, T0.plusSeconds(5))).isEmpty();
        assertThat(history.assign(PCC_V2, ADMIN, T0.plusSeconds(5))).isPresent();
    }
}

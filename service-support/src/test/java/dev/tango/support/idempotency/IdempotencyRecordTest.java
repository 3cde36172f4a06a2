package dev.tango.support.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.support.idempotency.IdempotencyRecord.State;
import dev.tango.support.idempotency.IdempotencyRecord.Verdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdempotencyRecordTest {

    private static final Instant CREATED = Instant.parse("2026-05-01T10:00:00Z");
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final Duration PENDING_TIMEOUT = Duration.ofSeconds(60);
    private static final RequestFingerprint SAME =
            RequestFingerprint.of("POST", "/api/x", "application/json", new byte[] {1});
    private static final RequestFingerprint OTHER =
            RequestFingerprint.of("POST", "/api/x", "application/json", new byte[] {2});

    private static IdempotencyRecord pending() {
        return IdempotencyRecord.pending("id", "caller", "POST", "/api/x", SAME, "claim", CREATED, RETENTION);
    }

    private static IdempotencyRecord completed() {
        IdempotencyRecord p = pending();
        return new IdempotencyRecord(
                p.id(),
                p.caller(),
                p.method(),
                p.path(),
                p.fingerprint(),
                State.COMPLETED,
                p.claim(),
                201,
                "application/json",
                "/api/x/1",
                "{}",
                p.createdAt(),
                p.expiresAt());
    }

    @Test
    void aPendingRecordExpiresAfterTheRetention() {
        assertThat(pending().state()).isEqualTo(State.PENDING);
        assertThat(pending().expiresAt()).isEqualTo(CREATED.plus(RETENTION));
    }

    @Test
    void replaysACompletedRecordForTheSameRequest() {
        assertThat(completed().verdictFor(SAME, CREATED.plusSeconds(3600), PENDING_TIMEOUT))
                .isEqualTo(Verdict.REPLAY);
    }

    @Test
    void refusesAnotherRequestUnderTheSameKeyWhetherCompletedOrPending() {
        assertThat(completed().verdictFor(OTHER, CREATED.plusSeconds(1), PENDING_TIMEOUT))
                .isEqualTo(Verdict.MISMATCH);
        assertThat(pending().verdictFor(OTHER, CREATED.plusSeconds(1), PENDING_TIMEOUT))
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void aPendingRecordIsInProgressUntilThePendingTimeoutThenTakenOver() {
        assertThat(pending().verdictFor(SAME, CREATED.plusSeconds(59), PENDING_TIMEOUT))
                .isEqualTo(Verdict.IN_PROGRESS);
        assertThat(pending().verdictFor(SAME, CREATED.plusSeconds(60), PENDING_TIMEOUT))
                .isEqualTo(Verdict.TAKE_OVER);
    }

    @Test
    void anExpiredRecordIsTakenOverWhateverItHolds() {
        Instant expired = CREATED.plus(RETENTION);
        assertThat(completed().verdictFor(SAME, expired, PENDING_TIMEOUT)).isEqualTo(Verdict.TAKE_OVER);
        assertThat(completed().verdictFor(OTHER, expired, PENDING_TIMEOUT)).isEqualTo(Verdict.TAKE_OVER);
        assertThat(completed().verdictFor(SAME, expired.minusMillis(1), PENDING_TIMEOUT))
                .isEqualTo(Verdict.REPLAY);
    }
}

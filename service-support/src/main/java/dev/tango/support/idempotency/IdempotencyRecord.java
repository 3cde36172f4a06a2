package dev.tango.support.idempotency;

import java.time.Duration;
import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * One caller's use of one {@code Idempotency-Key}, in the {@code idempotency_keys} collection. Inserted PENDING by the
 * request that claims the key (the unique {@code _id} is the lock), then COMPLETED with the response to replay, or
 * deleted if the request did not succeed.
 *
 * @param id SHA-256 hex of the caller and the key ({@link RequestFingerprint#recordId})
 * @param caller the subject of the caller's JWT
 * @param claim a random token of the request holding the key; completing or releasing it requires this token, so a
 *     request whose stale claim was taken over cannot overwrite the new holder's record
 * @param status the HTTP status to replay; {@code null} while PENDING
 * @param body the response body (UTF-8); {@code null} while PENDING or when there was none
 */
public record IdempotencyRecord(
        @Id String id,
        String caller,
        String method,
        String path,
        String fingerprint,
        State state,
        String claim,
        Integer status,
        String contentType,
        String location,
        String body,
        Instant createdAt,
        Instant expiresAt) {

    public static final String COLLECTION = "idempotency_keys";

    public enum State {
        PENDING,
        COMPLETED
    }

    /** What a request finding this record under its key must do. */
    public enum Verdict {
        /** Same request, completed: answer with the stored response. */
        REPLAY,
        /** The key was used for another request. */
        MISMATCH,
        /** The same request is being processed now. */
        IN_PROGRESS,
        /** Expired, or held so long by a request that it must have died: claim it anew. */
        TAKE_OVER
    }

    public static IdempotencyRecord pending(
            String id,
            String caller,
            String method,
            String path,
            RequestFingerprint fingerprint,
            String claim,
            Instant now,
            Duration retention) {
        return new IdempotencyRecord(
                id,
                caller,
                method,
                path,
                fingerprint.hex(),
                State.PENDING,
                claim,
                null,
                null,
                null,
                null,
                now,
                now.plus(retention));
    }

    public Verdict verdictFor(RequestFingerprint request, Instant now, Duration pendingTimeout) {
        if (!expiresAt.isAfter(now)) {
            return Verdict.TAKE_OVER;
        }
        if (!fingerprint.equals(request.hex())) {
            return Verdict.MISMATCH;
        }
        if (state == State.COMPLETED) {
            return Verdict.REPLAY;
        }
        return createdAt.plus(pendingTimeout).isAfter(now) ? Verdict.IN_PROGRESS : Verdict.TAKE_OVER;
    }
}

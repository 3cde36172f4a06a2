package dev.tango.session;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.UserId;
import dev.tango.events.session.PhaseEntered;
import dev.tango.events.session.SessionCancelled;
import dev.tango.events.session.SessionEnded;
import dev.tango.events.session.SessionEvent;
import dev.tango.events.session.SessionScheduled;
import dev.tango.events.session.SessionStarted;
import dev.tango.events.session.TranscriptAppended;
import dev.tango.events.session.TranscriptSegment;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A practice session and the state machine of its phases. State changes only through {@link #schedule},
 * {@link #start}, {@link #enterPhase}, {@link #end} and {@link #cancel}; each returns the events it caused and records
 * them, with the next per-session sequence numbers, in {@link #pendingEvents()}, which are stored in the session's
 * outbox with the change itself. A rule that is broken throws and changes nothing.
 *
 * <p>Times are server times truncated to milliseconds (what MongoDB keeps), and never run backwards within a session,
 * so the time per phase always adds up to the duration.
 */
public final class PracticeSession {

    /** The CloudEvents source of every event a session causes. */
    public static final String SOURCE = "/tango/session-service";

    public static final int MAX_MENTORS = 10;

    /**
     * How many keyed changes a session remembers ({@link #changedBy}): far more than can come between a request and
     * its retry after a take-over, which waits for the key's lease to run out.
     */
    public static final int RECENT_REQUESTS = 20;

    public static final int MAX_REASON_LENGTH = 500;
    public static final int MAX_CLIENT_LABEL_LENGTH = 80;
    public static final int MAX_GOAL_LENGTH = 1000;

    /** How far from now a session may be scheduled, either way (REVIEW sessions look at past recordings). */
    public static final Duration SCHEDULING_WINDOW = Duration.ofDays(366);

    private final SessionId id;
    private final ProgramId programId;
    private final UserId studentId;
    private final List<UserId> mentorIds;
    private final SessionMode mode;
    private final Instant scheduledFor;
    private final String clientLabel;
    private final String goal;
    private final List<PhaseVisit> phases;
    private final List<TranscriptSegment> pendingSegments = new ArrayList<>();
    private final Long version;
    private final List<EventEnvelope<SessionEvent>> pendingEvents = new ArrayList<>();

    private SessionStatus status;
    private Instant startedAt;
    private Instant endedAt;
    private Instant cancelledAt;
    private String cancelReason;
    private long lastSequence;
    private TranscriptSummary transcript;
    private final List<String> recentRequests;

    private PracticeSession(Snapshot state) {
        this.id = state.id();
        this.programId = state.programId();
        this.studentId = state.studentId();
        this.mentorIds = List.copyOf(state.mentorIds());
        this.mode = state.mode();
        this.scheduledFor = state.scheduledFor();
        this.clientLabel = state.clientLabel();
        this.goal = state.goal();
        this.transcript = state.transcript();
        this.status = state.status();
        this.phases = new ArrayList<>(state.phases());
        this.startedAt = state.startedAt();
        this.endedAt = state.endedAt();
        this.cancelledAt = state.cancelledAt();
        this.cancelReason = state.cancelReason();
        this.lastSequence = state.lastSequence();
        this.recentRequests = new ArrayList<>(state.recentRequests());
        this.version = state.version();
    }

    /** Puts a new session on the schedule; it announces itself with {@link SessionScheduled}, sequence 1. */
    public static PracticeSession schedule(
            SessionId id,
            ProgramId programId,
            UserId studentId,
            List<UserId> mentorIds,
            SessionMode mode,
            Instant scheduledFor,
            String clientLabel,
            String goal,
            Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(programId, "programId");
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(mentorIds, "mentorIds");
        Objects.requireNonNull(now, "now");
        if (mentorIds.isEmpty() || mentorIds.size() > MAX_MENTORS) {
            throw new InvalidSessionInputException("mentorIds", "must name 1 to " + MAX_MENTORS + " mentors");
        }
        if (new HashSet<>(mentorIds).size() != mentorIds.size()) {
            throw new InvalidSessionInputException("mentorIds", "must not name a mentor twice");
        }
        Instant at = millis(now);
        Instant when = scheduledFor == null ? at : millis(scheduledFor);
        if (Duration.between(at, when).abs().compareTo(SCHEDULING_WINDOW) > 0) {
            throw new InvalidSessionInputException(
                    "scheduledFor", "must be within " + SCHEDULING_WINDOW.toDays() + " days of now");
        }
        String label = optionalText("clientLabel", clientLabel, MAX_CLIENT_LABEL_LENGTH);
        String theGoal = optionalText("goal", goal, MAX_GOAL_LENGTH);
        PracticeSession session = new PracticeSession(new Snapshot(
                id,
                programId,
                studentId,
                mentorIds,
                mode == null ? SessionMode.LIVE : mode,
                when,
                label,
                theGoal,
                TranscriptSummary.EMPTY,
                SessionStatus.SCHEDULED,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                0,
                List.of(),
                null));
        session.record(
                new SessionScheduled(
                        id, programId, studentId, mentorIds, session.mode, session.scheduledFor, label, theGoal),
                at);
        return session;
    }

    /** Brings back a stored session; it has no pending events. */
    public static PracticeSession restore(Snapshot state) {
        return new PracticeSession(state);
    }

    /** Starts the session in the OPENING phase: {@link SessionStarted}, then {@link PhaseEntered} OPENING. */
    public List<SessionEvent> start(Instant now) {
        requireStatus(SessionStatus.SCHEDULED, "Only a SCHEDULED session can be started.");
        Instant at = millis(now);
        status = SessionStatus.IN_PROGRESS;
        startedAt = at;
        phases.add(new PhaseVisit(Phase.OPENING, at, null));
        return List.of(
                record(new SessionStarted(id, at), at),
                record(new PhaseEntered(id, Phase.OPENING, null, at, null), at));
    }

    /** Moves a LIVE session (or a REVIEW session without an offset) to another phase. */
    public List<SessionEvent> enterPhase(Phase phase, Instant now) {
        return enterPhase(phase, null, now);
    }

    /**
     * Moves the conversation to another phase, if {@link PhaseMoves} allows it from the current one.
     *
     * @param offsetMs only for REVIEW sessions: the offset into the recording, never less than the previous one
     */
    public List<SessionEvent> enterPhase(Phase phase, Long offsetMs, Instant now) {
        Objects.requireNonNull(phase, "phase");
        requireStatus(SessionStatus.IN_PROGRESS, "Phases can only be entered while the session is IN_PROGRESS.");
        Phase current = currentPhase();
        if (!PhaseMoves.allows(current, phase)) {
            throw new PhaseMoveNotAllowedException(current, phase, PhaseMoves.from(current));
        }
        requireValidOffset(offsetMs);
        Instant at = notBeforeLastMove(now);
        phases.add(new PhaseVisit(phase, at, offsetMs));
        return List.of(record(new PhaseEntered(id, phase, current, at, offsetMs), at));
    }

    /**
     * Ends the session in whatever phase it is: {@link SessionEnded} with the time spent per phase, summed over
     * visits, the phases never entered and the duration, which is the sum of those times.
     */
    public List<SessionEvent> end(Instant now) {
        requireStatus(SessionStatus.IN_PROGRESS, "Only an IN_PROGRESS session can be ended.");
        Instant at = notBeforeLastMove(now);
        Map<Phase, Long> timeInPhase = new EnumMap<>(Phase.class);
        for (int i = 0; i < phases.size(); i++) {
            PhaseVisit visit = phases.get(i);
            Instant left = i + 1 < phases.size() ? phases.get(i + 1).enteredAt() : at;
            timeInPhase.merge(
                    visit.phase(), Duration.between(visit.enteredAt(), left).toMillis(), Long::sum);
        }
        List<Phase> skipped = Arrays.stream(Phase.values())
                .filter(phase -> !timeInPhase.containsKey(phase))
                .toList();
        long durationMs =
                timeInPhase.values().stream().mapToLong(Long::longValue).sum();
        Phase finalPhase = currentPhase();
        status = SessionStatus.ENDED;
        endedAt = at;
        return List.of(record(new SessionEnded(id, at, finalPhase, timeInPhase, skipped, durationMs), at));
    }

    /** Calls the session off, before or while it runs. */
    public List<SessionEvent> cancel(String reason, Instant now) {
        if (status != SessionStatus.SCHEDULED && status != SessionStatus.IN_PROGRESS) {
            throw new SessionStatusConflictException(
                    status,
                    "Session " + id + " is " + status + "; only a SCHEDULED or IN_PROGRESS session can be cancelled.");
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidSessionInputException(
                    "reason", "must be 1 to " + MAX_REASON_LENGTH + " characters, not only blanks");
        }
        Instant at = notBeforeLastMove(now);
        status = SessionStatus.CANCELLED;
        cancelledAt = at;
        cancelReason = reason;
        return List.of(record(new SessionCancelled(id, at, reason), at));
    }

    /**
     * Adds speaker turns to the end of the transcript, while the session runs or after it ended. Segments start in
     * order (each no earlier than the one before, including those already stored), end no earlier than they start,
     * and stay within {@link TranscriptLimits}; every broken rule of the batch is reported at once and nothing is
     * added. The segments are announced in {@link TranscriptAppended} events of at most
     * {@link TranscriptLimits#SEGMENTS_PER_EVENT} segments each, and kept in {@link #pendingSegments()} to be stored
     * with them.
     */
    public List<SessionEvent> appendTranscript(
            List<SegmentDraft> drafts, TranscriptAppended.Origin origin, Instant now) {
        Objects.requireNonNull(drafts, "drafts");
        Objects.requireNonNull(origin, "origin");
        requireTranscriptOpen();
        TranscriptLimits.check(drafts, transcript, origin == TranscriptAppended.Origin.IMPORTED);
        Instant at = millis(now);
        List<TranscriptSegment> added = new ArrayList<>(drafts.size());
        int index = transcript.segments();
        for (SegmentDraft draft : drafts) {
            added.add(new TranscriptSegment(index++, draft.speaker(), draft.text(), draft.startMs(), draft.endMs()));
        }
        transcript = transcript.plus(added);
        pendingSegments.addAll(added);
        List<SessionEvent> events = new ArrayList<>();
        for (int from = 0; from < added.size(); from += TranscriptLimits.SEGMENTS_PER_EVENT) {
            List<TranscriptSegment> chunk =
                    added.subList(from, Math.min(added.size(), from + TranscriptLimits.SEGMENTS_PER_EVENT));
            events.add(record(new TranscriptAppended(id, chunk.get(0).index(), origin, chunk), at));
        }
        return events;
    }

    /** Fails unless segments may be added now: while the session is IN_PROGRESS or after it ENDED. */
    public void requireTranscriptOpen() {
        if (status != SessionStatus.IN_PROGRESS && status != SessionStatus.ENDED) {
            throw new SessionStatusConflictException(
                    status,
                    "Session " + id + " is " + status
                            + ". Transcript segments are added while the session is IN_PROGRESS or after it ENDED.");
        }
    }

    /** The segments added since this session was scheduled or restored, to be stored after the existing ones. */
    public List<TranscriptSegment> pendingSegments() {
        return List.copyOf(pendingSegments);
    }

    public TranscriptSummary transcript() {
        return transcript;
    }

    /** The phases the session may move to now; empty unless it is IN_PROGRESS. */
    public List<Phase> allowedMoves() {
        return status == SessionStatus.IN_PROGRESS ? PhaseMoves.from(currentPhase()) : List.of();
    }

    /** The events caused since this session was scheduled or restored, in sequence order. */
    public List<EventEnvelope<SessionEvent>> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    /** Everything that is stored about the session, except its outbox. */
    public Snapshot snapshot() {
        return new Snapshot(
                id,
                programId,
                studentId,
                mentorIds,
                mode,
                scheduledFor,
                clientLabel,
                goal,
                transcript,
                status,
                currentPhase(),
                phases,
                startedAt,
                endedAt,
                cancelledAt,
                cancelReason,
                lastSequence,
                recentRequests,
                version);
    }

    /**
     * Whether the request {@code requestId} (derived from its caller and Idempotency-Key by {@code IdempotentIds})
     * changed this session, among its last {@value #RECENT_REQUESTS} keyed changes. A request run again after its key
     * was taken over (the first run stored its change, then died before completing the key) finds its change here and
     * answers the session instead of applying the change twice or refusing it as done.
     */
    public boolean changedBy(String requestId) {
        return recentRequests.contains(requestId);
    }

    /** Remembers that the keyed request {@code requestId} made the change about to be stored. */
    public void rememberChangeBy(String requestId) {
        recentRequests.add(Objects.requireNonNull(requestId, "requestId"));
        if (recentRequests.size() > RECENT_REQUESTS) {
            recentRequests.subList(0, recentRequests.size() - RECENT_REQUESTS).clear();
        }
    }

    public SessionId id() {
        return id;
    }

    public SessionStatus status() {
        return status;
    }

    public SessionMode mode() {
        return mode;
    }

    /** The phase the session is in (or was in when it ended or was cancelled); null before it started. */
    public Phase currentPhase() {
        return phases.isEmpty() ? null : phases.get(phases.size() - 1).phase();
    }

    public List<PhaseVisit> phases() {
        return List.copyOf(phases);
    }

    public long lastSequence() {
        return lastSequence;
    }

    public Long version() {
        return version;
    }

    private SessionEvent record(SessionEvent event, Instant at) {
        lastSequence++;
        pendingEvents.add(EventEnvelope.of(SOURCE, at, lastSequence, event));
        return event;
    }

    private void requireStatus(SessionStatus required, String rule) {
        if (status != required) {
            throw new SessionStatusConflictException(status, "Session " + id + " is " + status + ". " + rule);
        }
    }

    private void requireValidOffset(Long offsetMs) {
        if (offsetMs == null) {
            return;
        }
        if (mode != SessionMode.REVIEW) {
            throw new InvalidSessionInputException(
                    "offsetMs", "is only accepted for REVIEW sessions; a LIVE session is timed by the server");
        }
        if (offsetMs < 0) {
            throw new InvalidSessionInputException("offsetMs", "must be zero or more");
        }
        phases.stream()
                .map(PhaseVisit::offsetMs)
                .filter(Objects::nonNull)
                .reduce((first, second) -> second)
                .filter(previous -> offsetMs < previous)
                .ifPresent(previous -> {
                    throw new InvalidSessionInputException(
                            "offsetMs", "must not be less than the previous phase's offset (" + previous + " ms)");
                });
    }

    // A clock that steps back must not make a phase last a negative time.
    private Instant notBeforeLastMove(Instant now) {
        Instant at = millis(now);
        Instant last =
                phases.isEmpty() ? startedAt : phases.get(phases.size() - 1).enteredAt();
        return last != null && at.isBefore(last) ? last : at;
    }

    // Optional free text: absent or blank means none; otherwise trimmed and bounded.
    private static String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidSessionInputException(field, "must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    private static Instant millis(Instant instant) {
        return Objects.requireNonNull(instant, "now").truncatedTo(ChronoUnit.MILLIS);
    }

    /** The stored state of a session, used to store and restore it. */
    public record Snapshot(
            SessionId id,
            ProgramId programId,
            UserId studentId,
            List<UserId> mentorIds,
            SessionMode mode,
            Instant scheduledFor,
            String clientLabel,
            String goal,
            TranscriptSummary transcript,
            SessionStatus status,
            Phase currentPhase,
            List<PhaseVisit> phases,
            Instant startedAt,
            Instant endedAt,
            Instant cancelledAt,
            String cancelReason,
            long lastSequence,
            List<String> recentRequests,
            Long version) {

        public Snapshot {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
            mentorIds = List.copyOf(mentorIds);
            phases = List.copyOf(phases);
            recentRequests = recentRequests == null ? List.of() : List.copyOf(recentRequests);
            transcript = transcript == null ? TranscriptSummary.EMPTY : transcript;
        }
    }
}

package dev.tango.feedback.progress;

import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.UserId;
import dev.tango.events.score.ObservationKind;
import dev.tango.events.session.TranscriptSegment;
import dev.tango.feedback.comments.CommentView;
import dev.tango.feedback.dashboard.SessionStatus;
import dev.tango.feedback.insight.Observation;
import dev.tango.feedback.insight.PhaseVisit;
import dev.tango.feedback.insight.SessionInsight;
import dev.tango.support.security.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One session as a page shows it: the time line of phases with comments and observations pinned at their time codes,
 * the scores, and the transcript. Time codes and phase starts share one frame: for a LIVE session milliseconds since
 * it started, for a REVIEW the offset into the recording.
 *
 * @param pins comments and observations with a time code, in time order
 * @param comments every comment the caller may see, pinned or not
 */
public record SessionPage(
        SessionId sessionId,
        ProgramId programId,
        UserId studentId,
        List<UserId> mentorIds,
        SessionMode mode,
        SessionStatus status,
        Instant scheduledFor,
        Instant startedAt,
        Instant endedAt,
        Long durationMs,
        Integer overallScore,
        List<MentorScore> mentorScores,
        List<TimelinePhase> phases,
        List<Pin> pins,
        List<CommentView> comments,
        List<TranscriptSegment> transcript) {

    /**
     * A phase visit on the time line.
     *
     * @param startMs {@code null} when the session's start is unknown
     * @param endMs where the next visit starts, or the session ended; {@code null} while it runs
     */
    public record TimelinePhase(Phase phase, Instant enteredAt, Long startMs, Long endMs) {}

    /**
     * Something pinned at a time code: exactly one of {@code comment} and {@code observation} is set.
     *
     * @param phase the phase the time code falls in by the time line, else the one the item names
     */
    public record Pin(long timeCodeMs, Phase phase, CommentView comment, ObservationView observation) {}

    /** An observation as pinned; retracted ones are never shown. */
    public record ObservationView(
            String observationId, UserId mentorId, ObservationKind kind, String itemId, Phase phase, String note) {}

    /**
     * Observations a caller sees: admins all (calibration), a mentor their own, and everyone those of mentors who
     * published a scorecard; never retracted ones.
     */
    public static SessionPage of(SessionInsight s, Caller caller, List<CommentView> comments) {
        List<TimelinePhase> phases = timeline(s);
        List<Pin> pins = new ArrayList<>();
        for (Observation o : s.observations()) {
            boolean visible = !o.retracted()
                    && (caller.administers(s.programId())
                            || o.mentorId().equals(caller.id()) && s.isMentor(caller)
                            || s.scorecardOf(o.mentorId()).isPresent());
            if (visible) {
                pins.add(new Pin(
                        o.timeCodeMs(),
                        phaseAt(phases, o.timeCodeMs(), o.phase()),
                        null,
                        new ObservationView(
                                o.observationId(), o.mentorId(), o.kind(), o.itemId(), o.phase(), o.note())));
            }
        }
        for (CommentView c : comments) {
            if (c.timeCodeMs() != null && !c.deleted()) {
                pins.add(new Pin(c.timeCodeMs(), phaseAt(phases, c.timeCodeMs(), c.phase()), c, null));
            }
        }
        pins.sort(Comparator.comparingLong(Pin::timeCodeMs));
        return new SessionPage(
                s.sessionId(),
                s.programId(),
                s.studentId(),
                s.mentorIds(),
                s.mode(),
                s.status(),
                s.scheduledFor(),
                s.startedAt(),
                s.endedAt(),
                s.durationMs(),
                Figures.overallScore(s).orElse(null),
                StudentDashboard.mentorScores(s),
                phases,
                pins,
                comments,
                s.transcript());
    }

    private static List<TimelinePhase> timeline(SessionInsight s) {
        List<TimelinePhase> phases = new ArrayList<>();
        List<PhaseVisit> visits = s.phases();
        Long sessionEnd = s.startedAt() != null && s.endedAt() != null
                ? Duration.between(s.startedAt(), s.endedAt()).toMillis()
                : null;
        for (int i = 0; i < visits.size(); i++) {
            PhaseVisit visit = visits.get(i);
            Long end = i + 1 < visits.size() ? s.startMsOf(visits.get(i + 1)) : sessionEnd;
            if (visit.offsetMs() != null && i + 1 == visits.size()) {
                // A REVIEW's last phase runs to the end of the recording, which no event states.
                end = null;
            }
            phases.add(new TimelinePhase(visit.phase(), visit.enteredAt(), s.startMsOf(visit), end));
        }
        return phases;
    }

    private static Phase phaseAt(List<TimelinePhase> phases, long timeCodeMs, Phase named) {
        for (TimelinePhase phase : phases) {
            if (phase.startMs() != null
                    && phase.startMs() <= timeCodeMs
                    && (phase.endMs() == null || timeCodeMs < phase.endMs())) {
                return phase.phase();
            }
        }
        return named;
    }
}

package dev.tango.gateway.ui.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * A session as feedback-service shows it to the caller: the time line of phases with comments and observations pinned
 * at their time codes, the published scores, every comment the caller may see, and the transcript.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionFeedback(
        String sessionId,
        String programId,
        String studentId,
        List<String> mentorIds,
        String mode,
        String status,
        Instant scheduledFor,
        Instant startedAt,
        Instant endedAt,
        Long durationMs,
        Integer overallScore,
        List<MentorScore> mentorScores,
        List<TimelinePhase> phases,
        List<Pin> pins,
        List<CommentView> comments,
        List<Segment> transcript) {

    public SessionFeedback {
        mentorIds = mentorIds == null ? List.of() : List.copyOf(mentorIds);
        mentorScores = mentorScores == null ? List.of() : List.copyOf(mentorScores);
        phases = phases == null ? List.of() : List.copyOf(phases);
        pins = pins == null ? List.of() : List.copyOf(pins);
        comments = comments == null ? List.of() : List.copyOf(comments);
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }

    public boolean isMentor(String userId) {
        return mentorIds.contains(userId);
    }

    public boolean isStudent(String userId) {
        return studentId != null && studentId.equals(userId);
    }

    /** The pins that fall in a phase visit of the time line. */
    public List<Pin> pinsIn(String phase) {
        return pins.stream().filter(p -> phase.equals(p.phase())).toList();
    }

    /** Pins whose phase is on no visit of the time line. */
    public List<Pin> unplacedPins() {
        return pins.stream()
                .filter(p -> phases.stream().noneMatch(v -> v.phase().equals(p.phase())))
                .toList();
    }

    /** Published comments, in the order the service gave. */
    public List<CommentView> published() {
        return comments.stream().filter(CommentView::isPublished).toList();
    }

    /** The caller's own drafts (the service shows drafts to their author only). */
    public List<CommentView> drafts() {
        return comments.stream().filter(c -> c.isDraft() && !c.deleted()).toList();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimelinePhase(String phase, Instant enteredAt, Long startMs, Long endMs) {
        public String label() {
            return Formats.label(phase);
        }

        public String from() {
            return startMs == null ? "?" : Formats.timeCode(startMs);
        }

        public String to() {
            return endMs == null ? "" : Formats.timeCode(endMs);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pin(long timeCodeMs, String phase, CommentView comment, Observation observation) {
        public String timeCode() {
            return Formats.timeCode(timeCodeMs);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Observation(
            String observationId, String mentorId, String kind, String itemId, String phase, String note) {
        public boolean isAntiSignal() {
            return "ANTI_SIGNAL".equals(kind);
        }
    }

    /** A transcript segment; only the fields the page shows. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Segment(String speaker, long startMs, String text) {
        public String timeCode() {
            return Formats.timeCode(startMs);
        }

        public String speakerLabel() {
            return Formats.label(speaker);
        }
    }
}

package dev.tango.gateway.ui.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * A comment as feedback-service shows it to the caller. {@code html} (and each reply's) is the service's sanitised
 * rendering of the body: the only text the pages insert unescaped.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommentView(
        String id,
        String mentorId,
        String kind,
        String body,
        String html,
        Long timeCodeMs,
        String phase,
        String itemId,
        String status,
        boolean deleted,
        Instant createdAt,
        Instant writtenAt,
        Instant publishedAt,
        int edits,
        List<Reply> replies) {

    public CommentView {
        replies = replies == null ? List.of() : List.copyOf(replies);
    }

    public boolean isDraft() {
        return "DRAFT".equals(status);
    }

    public boolean isPublished() {
        return "PUBLISHED".equals(status) && !deleted;
    }

    public String kindLabel() {
        return Formats.label(kind);
    }

    public String phaseLabel() {
        return Formats.label(phase);
    }

    /** {@code m:ss}, or an empty string without a time code. */
    public String timeCode() {
        return timeCodeMs == null ? "" : Formats.timeCode(timeCodeMs);
    }

    /** A reply of the student. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reply(String authorId, String body, String html, Instant writtenAt) {}
}

package dev.tango.feedback.comments;

import dev.tango.events.Phase;
import dev.tango.events.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A comment as one caller sees it: the raw body and its safe HTML.
 *
 * @param html the body rendered from the Markdown subset and sanitised; safe to insert into a page
 * @param edits how many times it was edited
 * @param history earlier versions, oldest first: for its author only, otherwise empty
 * @param deleted only its author ever sees a deleted comment
 */
public record CommentView(
        CommentId id,
        UserId mentorId,
        CommentKind kind,
        String body,
        String html,
        Long timeCodeMs,
        Phase phase,
        String itemId,
        CommentStatus status,
        boolean deleted,
        Instant createdAt,
        Instant writtenAt,
        Instant publishedAt,
        Instant deletedAt,
        int edits,
        List<Version> history,
        List<ReplyView> replies) {

    /** An earlier version of the comment. */
    public record Version(
            String body,
            String html,
            CommentKind kind,
            Long timeCodeMs,
            Phase phase,
            String itemId,
            Instant writtenAt) {}

    /** A reply of the student. */
    public record ReplyView(UserId authorId, String body, String html, Instant writtenAt) {}

    public static CommentView of(Comment comment, boolean author) {
        CommentContent content = comment.content();
        return new CommentView(
                comment.id(),
                comment.mentorId(),
                content.kind(),
                content.body(),
                SafeMarkdown.toHtml(content.body()),
                content.timeCodeMs(),
                content.phase(),
                content.itemId(),
                comment.status(),
                comment.isDeleted(),
                comment.createdAt(),
                comment.writtenAt(),
                comment.publishedAt(),
                comment.deletedAt(),
                comment.history().size(),
                author
                        ? comment.history().stream()
                                .map(r -> new Version(
                                        r.content().body(),
                                        SafeMarkdown.toHtml(r.content().body()),
                                        r.content().kind(),
                                        r.content().timeCodeMs(),
                                        r.content().phase(),
                                        r.content().itemId(),
                                        r.writtenAt()))
                                .toList()
                        : List.of(),
                comment.replies().stream()
                        .map(r -> new ReplyView(r.authorId(), r.body(), SafeMarkdown.toHtml(r.body()), r.writtenAt()))
                        .toList());
    }
}

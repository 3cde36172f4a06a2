package dev.tango.feedback.comments;

import dev.tango.events.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One mentor comment on a session.
 *
 * @param writtenAt when the current content was written (created or last edited)
 * @param publishedAt {@code null} while a draft
 * @param deletedAt {@code null} unless deleted: a soft delete, the author still sees it as deleted
 * @param history earlier versions, oldest first
 * @param replies the student's replies, oldest first
 */
public record Comment(
        CommentId id,
        UserId mentorId,
        CommentContent content,
        CommentStatus status,
        Instant createdAt,
        Instant writtenAt,
        Instant publishedAt,
        Instant deletedAt,
        List<Revision> history,
        List<Reply> replies) {

    public Comment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mentorId, "mentorId");
        Objects.requireNonNull(content, "content");
        history = List.copyOf(history);
        replies = List.copyOf(replies);
    }

    static Comment draft(CommentId id, UserId mentor, CommentContent content, Instant now) {
        return new Comment(id, mentor, content, CommentStatus.DRAFT, now, now, null, null, List.of(), List.of());
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean isPublished() {
        return status == CommentStatus.PUBLISHED;
    }

    /** Published and not deleted: what the student, other mentors and admins see. */
    public boolean isPublic() {
        return isPublished() && !isDeleted();
    }

    Comment edited(CommentContent next, Instant now) {
        List<Revision> earlier = new ArrayList<>(history);
        earlier.add(new Revision(content, writtenAt));
        return new Comment(id, mentorId, next, status, createdAt, now, publishedAt, deletedAt, earlier, replies);
    }

    Comment published(Instant at) {
        return isPublished()
                ? this
                : new Comment(
                        id,
                        mentorId,
                        content,
                        CommentStatus.PUBLISHED,
                        createdAt,
                        writtenAt,
                        at,
                        deletedAt,
                        history,
                        replies);
    }

    Comment deleted(Instant at) {
        return isDeleted()
                ? this
                : new Comment(id, mentorId, content, status, createdAt, writtenAt, publishedAt, at, history, replies);
    }

    Comment replied(Reply reply) {
        List<Reply> all = new ArrayList<>(replies);
        all.add(reply);
        return new Comment(id, mentorId, content, status, createdAt, writtenAt, publishedAt, deletedAt, history, all);
    }

    long textLength() {
        return content.body().length()
                + history.stream().mapToLong(r -> r.content().body().length()).sum()
                + replies.stream().mapToLong(r -> r.body().length()).sum();
    }
}

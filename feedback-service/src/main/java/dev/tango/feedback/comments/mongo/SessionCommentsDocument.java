package dev.tango.feedback.comments.mongo;

import dev.tango.events.Phase;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.feedback.comments.Comment;
import dev.tango.feedback.comments.CommentContent;
import dev.tango.feedback.comments.CommentId;
import dev.tango.feedback.comments.CommentKind;
import dev.tango.feedback.comments.CommentStatus;
import dev.tango.feedback.comments.Reply;
import dev.tango.feedback.comments.Revision;
import dev.tango.feedback.comments.SessionComments;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A session's comments as stored, keyed by session id; ids as plain strings. */
@Document("session_comments")
record SessionCommentsDocument(
        @Id String id,
        List<StoredComment> comments,
        List<Seen> scorecardsSeen,
        @Version Long version) {

    static SessionCommentsDocument of(SessionComments all) {
        return new SessionCommentsDocument(
                all.sessionId().value(),
                all.comments().stream().map(StoredComment::of).toList(),
                all.scorecardsSeen().stream()
                        .map(s -> new Seen(s.mentorId().value(), s.revision()))
                        .toList(),
                all.version());
    }

    SessionComments toComments() {
        return new SessionComments(
                SessionId.of(id),
                orEmpty(comments).stream().map(StoredComment::toComment).toList(),
                orEmpty(scorecardsSeen).stream()
                        .map(s -> new SessionComments.ScorecardSeen(UserId.of(s.mentorId()), s.revision()))
                        .toList(),
                version);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    record Seen(String mentorId, int revision) {}

    record Content(String body, CommentKind kind, Long timeCodeMs, Phase phase, String itemId) {
        static Content of(CommentContent c) {
            return new Content(c.body(), c.kind(), c.timeCodeMs(), c.phase(), c.itemId());
        }

        CommentContent toContent() {
            return new CommentContent(body, kind, timeCodeMs, phase, itemId);
        }
    }

    record StoredRevision(Content content, Instant writtenAt) {}

    record StoredReply(String authorId, String body, Instant writtenAt) {}

    record StoredComment(
            String id,
            String mentorId,
            Content content,
            CommentStatus status,
            Instant createdAt,
            Instant writtenAt,
            Instant publishedAt,
            Instant deletedAt,
            List<StoredRevision> history,
            List<StoredReply> replies) {

        static StoredComment of(Comment c) {
            return new StoredComment(
                    c.id().value(),
                    c.mentorId().value(),
                    Content.of(c.content()),
                    c.status(),
                    c.createdAt(),
                    c.writtenAt(),
                    c.publishedAt(),
                    c.deletedAt(),
                    c.history().stream()
                            .map(r -> new StoredRevision(Content.of(r.content()), r.writtenAt()))
                            .toList(),
                    c.replies().stream()
                            .map(r -> new StoredReply(r.authorId().value(), r.body(), r.writtenAt()))
                            .toList());
        }

        Comment toComment() {
            return new Comment(
                    CommentId.of(id),
                    UserId.of(mentorId),
                    content.toContent(),
                    status,
                    createdAt,
                    writtenAt,
                    publishedAt,
                    deletedAt,
                    orEmpty(history).stream()
                            .map(r -> new Revision(r.content().toContent(), r.writtenAt()))
                            .toList(),
                    orEmpty(replies).stream()
                            .map(r -> new Reply(UserId.of(r.authorId()), r.body(), r.writtenAt()))
                            .toList());
        }
    }
}

package dev.tango.feedback.comments;

import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.feedback.insight.FeedbackRuleException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * All comments of one session, one aggregate and one stored document: the per-session bound holds under concurrent
 * writers (each save is conditional on the version read) and publishing a mentor's drafts with their scorecard is one
 * atomic write, with no transactions needed.
 *
 * @param scorecardsSeen per mentor, the highest scorecard revision whose drafts were already published; a replayed
 *     or redelivered scorecard event does not publish drafts written since
 * @param version of the stored state this was read from; {@code null} if never stored
 */
public record SessionComments(
        SessionId sessionId, List<Comment> comments, List<ScorecardSeen> scorecardsSeen, Long version) {

    /** At most this many comments per session, deleted ones included. */
    public static final int MAX_COMMENTS = 500;

    /** At most this many replies to one comment. */
    public static final int MAX_REPLIES = 100;

    /** At most this many edits of one comment. */
    public static final int MAX_EDITS = 100;

    /**
     * Bodies, earlier versions and replies of a session together, in characters: keeps the document well under
     * MongoDB's 16 MB.
     */
    public static final long MAX_TEXT = 3_000_000;

    /** A mentor's scorecard revision that has published their drafts. */
    public record ScorecardSeen(UserId mentorId, int revision) {}

    /** What a scorecard did to the comments. */
    public record Publication(SessionComments state, boolean duplicate, boolean firstScorecard, int published) {}

    public SessionComments {
        Objects.requireNonNull(sessionId, "sessionId");
        comments = List.copyOf(comments);
        scorecardsSeen = List.copyOf(scorecardsSeen);
    }

    public static SessionComments none(SessionId sessionId) {
        return new SessionComments(sessionId, List.of(), List.of(), null);
    }

    public Optional<Comment> find(CommentId id) {
        return comments.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public SessionComments write(CommentId id, UserId mentor, CommentContent content, boolean publish, Instant now) {
        if (comments.size() >= MAX_COMMENTS) {
            throw FeedbackRuleException.conflict(
                    "Session " + sessionId + " already has " + MAX_COMMENTS + " comments, the most it may have");
        }
        if (find(id).isPresent()) {
            throw FeedbackRuleException.conflict("Comment " + id + " exists");
        }
        Comment comment = Comment.draft(id, mentor, content, now);
        List<Comment> all = new ArrayList<>(comments);
        all.add(publish ? comment.published(now) : comment);
        return checked(new SessionComments(sessionId, all, scorecardsSeen, version));
    }

    public SessionComments edit(CommentId id, UserId mentor, CommentContent content, Instant now) {
        return change(id, mentor, comment -> {
            if (comment.isDeleted()) {
                throw FeedbackRuleException.conflict("Comment " + id + " is deleted");
            }
            if (comment.history().size() >= MAX_EDITS) {
                throw FeedbackRuleException.conflict(
                        "Comment " + id + " was edited " + MAX_EDITS + " times, the most it may be");
            }
            return comment.content().equals(content) ? comment : comment.edited(content, now);
        });
    }

    public SessionComments delete(CommentId id, UserId mentor, Instant now) {
        return change(id, mentor, comment -> comment.deleted(now));
    }

    public SessionComments publish(CommentId id, UserId mentor, Instant now) {
        return change(id, mentor, comment -> {
            if (comment.isDeleted()) {
                throw FeedbackRuleException.conflict("Comment " + id + " is deleted");
            }
            return comment.published(now);
        });
    }

    /** The student answers a published comment; drafts and deleted comments do not exist for them. */
    public SessionComments reply(CommentId id, UserId student, String body, Instant now) {
        List<FeedbackRuleException.Violation> violations = new ArrayList<>();
        CommentContent.checkBody("body", body, violations);
        if (!violations.isEmpty()) {
            throw FeedbackRuleException.invalid(violations);
        }
        Comment comment =
                find(id).filter(Comment::isPublic).orElseThrow(() -> FeedbackRuleException.notFound("Comment", id));
        if (comment.replies().size() >= MAX_REPLIES) {
            throw FeedbackRuleException.conflict(
                    "Comment " + id + " has " + MAX_REPLIES + " replies, the most it may have");
        }
        return replaced(comment.replied(new Reply(student, body, now)));
    }

    /**
     * The mentor published a scorecard revision: their drafts are published with it, at its time. A revision already
     * seen (a redelivery, a replay) publishes nothing.
     */
    public Publication publishWithScorecard(UserId mentor, int revision, Instant publishedAt) {
        boolean first = scorecardsSeen.isEmpty();
        Optional<ScorecardSeen> seen =
                scorecardsSeen.stream().filter(s -> s.mentorId().equals(mentor)).findFirst();
        if (seen.isPresent() && seen.get().revision() >= revision) {
            return new Publication(this, true, false, 0);
        }
        int published = 0;
        List<Comment> all = new ArrayList<>();
        for (Comment comment : comments) {
            if (comment.mentorId().equals(mentor) && !comment.isPublished() && !comment.isDeleted()) {
                all.add(comment.published(publishedAt));
                published++;
            } else {
                all.add(comment);
            }
        }
        List<ScorecardSeen> marks = new ArrayList<>(scorecardsSeen);
        marks.removeIf(s -> s.mentorId().equals(mentor));
        marks.add(new ScorecardSeen(mentor, revision));
        return new Publication(new SessionComments(sessionId, all, marks, version), false, first, published);
    }

    // Only the author changes a comment; anyone else is told it does not exist unless they may see it.
    private SessionComments change(CommentId id, UserId mentor, UnaryOperator<Comment> how) {
        Comment comment = find(id).orElseThrow(() -> FeedbackRuleException.notFound("Comment", id));
        if (!comment.mentorId().equals(mentor)) {
            if (comment.isPublic()) {
                throw FeedbackRuleException.forbidden("Only the author of comment " + id + " may change it");
            }
            throw FeedbackRuleException.notFound("Comment", id);
        }
        Comment changed = how.apply(comment);
        return changed == comment ? this : checked(replaced(changed));
    }

    private SessionComments replaced(Comment changed) {
        List<Comment> all = new ArrayList<>(comments);
        all.replaceAll(c -> c.id().equals(changed.id()) ? changed : c);
        return checked(new SessionComments(sessionId, all, scorecardsSeen, version));
    }

    private static SessionComments checked(SessionComments state) {
        long text = state.comments.stream().mapToLong(Comment::textLength).sum();
        if (text > MAX_TEXT) {
            throw FeedbackRuleException.conflict("The comments of session " + state.sessionId
                    + " have reached their storage limit of " + MAX_TEXT + " characters");
        }
        return state;
    }
}

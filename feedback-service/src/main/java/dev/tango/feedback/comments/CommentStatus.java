package dev.tango.feedback.comments;

/** A draft is seen by its author only; a published comment by the student, the session's mentors and admins. */
public enum CommentStatus {
    DRAFT,
    PUBLISHED
}

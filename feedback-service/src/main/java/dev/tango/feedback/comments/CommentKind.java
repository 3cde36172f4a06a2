package dev.tango.feedback.comments;

/** What a comment is meant as. */
public enum CommentKind {
    STRENGTH,
    SUGGESTION,
    QUESTION,
    NOTE
}

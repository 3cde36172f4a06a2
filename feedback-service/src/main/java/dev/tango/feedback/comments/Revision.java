package dev.tango.feedback.comments;

import java.time.Instant;

/** An earlier version of a comment, kept when its author edited it. */
public record Revision(CommentContent content, Instant writtenAt) {}

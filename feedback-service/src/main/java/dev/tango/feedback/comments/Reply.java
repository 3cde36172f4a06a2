package dev.tango.feedback.comments;

import dev.tango.events.UserId;
import java.time.Instant;

/** The student's answer to a published comment. */
public record Reply(UserId authorId, String body, Instant writtenAt) {}

package dev.tango.feedback.progress;

import dev.tango.events.UserId;
import java.time.Instant;

/** One mentor's latest published scorecard revision of a session, in short. */
public record MentorScore(UserId mentorId, int revision, int overallScore, Instant publishedAt) {}

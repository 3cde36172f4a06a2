/**
 * Mentors' time-coded comments on a session and students' replies: drafts until published (alone, or with the
 * mentor's scorecard), edits with history, soft deletes; bodies are a small safe Markdown subset rendered to
 * sanitised HTML. This is feedback-service's own data, not a projection.
 */
package dev.tango.feedback.comments;

/** HTTP API of comments and replies under {@code /api/feedback/sessions/{sessionId}/comments}. */
package dev.tango.feedback.comments.web;

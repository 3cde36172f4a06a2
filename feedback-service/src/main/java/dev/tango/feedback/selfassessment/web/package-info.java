/** HTTP API of self-assessments under {@code /api/feedback/sessions/{sessionId}/self-assessment}. */
package dev.tango.feedback.selfassessment.web;

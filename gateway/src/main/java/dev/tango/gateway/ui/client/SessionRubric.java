package dev.tango.gateway.ui.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The rubric version a session is scored against, as {@code GET /api/scoring/sessions/{id}/rubric} shows it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionRubric(Scorecard.RubricRef ref, String program, String status, RubricVersion.Content content) {}

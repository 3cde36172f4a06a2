package dev.tango.gateway.ui.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The rubric version a session is scored against (scoring-service): the self-assessment form lists its markers. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionRubric(RubricVersion.Content content) {}

package dev.tango.scoring.rubric;

/**
 * One broken rule of a rubric.
 *
 * @param field the JSON path of the value, e.g. {@code phases[2].markers[0].id} or {@code scoring.requiredMarkers.CLOSING}
 * @param message what is wrong with it
 */
public record RubricViolation(String field, String message) {}

package dev.tango.scoring.rubric;

/** A DRAFT version may be edited; a PUBLISHED one never changes and may be used to score sessions. */
public enum RubricStatus {
    DRAFT,
    PUBLISHED
}

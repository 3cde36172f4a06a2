package dev.tango.scoring.rubric;

/**
 * A rubric version as stored, with its revision: the number of writes to it since it was created (0 at creation).
 * Writes to a DRAFT are conditional on the revision read, so that two editors cannot overwrite each other.
 */
public record StoredRubric(Rubric rubric, long revision) {}

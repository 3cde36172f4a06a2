package dev.tango.scoring.rubric;

import dev.tango.events.UserId;
import java.time.Instant;

/**
 * A program's choice of a rubric version, in effect from {@code effectiveFrom} until the next assignment's.
 *
 * @param assignedBy the admin who chose it
 */
public record RubricAssignment(RubricRef rubric, Instant effectiveFrom, UserId assignedBy) {}

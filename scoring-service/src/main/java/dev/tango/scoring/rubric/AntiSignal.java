package dev.tango.scoring.rubric;

/**
 * A signal that the coach is not partnering; observable in any phase, counted per occurrence.
 *
 * @param id unique within its rubric (markers and anti-signals together), e.g. {@code anti.completes-sentences}
 */
public record AntiSignal(String id, String label, String description) {}

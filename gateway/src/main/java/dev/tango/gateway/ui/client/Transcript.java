package dev.tango.gateway.ui.client;

import java.util.List;

/**
 * A session's transcript as the page lists it, or why it cannot: {@code total} may exceed the segments listed when
 * the service sends only the first ones.
 */
public record Transcript(State state, List<Segment> segments, long total) {

    public Transcript {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    public static Transcript of(List<Segment> segments, Long total) {
        return new Transcript(
                segments == null || segments.isEmpty() ? State.EMPTY : State.FOUND,
                segments,
                total == null ? (segments == null ? 0 : segments.size()) : total);
    }

    public static Transcript none() {
        return new Transcript(State.EMPTY, List.of(), 0);
    }

    public static Transcript unavailable() {
        return new Transcript(State.UNAVAILABLE, List.of(), 0);
    }

    public boolean found() {
        return state == State.FOUND;
    }

    public boolean unavailableNow() {
        return state == State.UNAVAILABLE;
    }

    public boolean partial() {
        return total > segments.size();
    }

    /** One utterance: who spoke ({@code COACH} or {@code CLIENT}), when in the recording, and what they said. */
    public record Segment(int index, String speaker, String text, Long startMs, Long endMs) {

        public String timeCode() {
            return startMs == null ? "" : Formats.timeCode(startMs);
        }

        public String speakerLabel() {
            return Formats.label(speaker);
        }
    }

    public enum State {
        FOUND,
        EMPTY,
        UNAVAILABLE
    }
}

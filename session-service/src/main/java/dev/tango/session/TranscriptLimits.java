package dev.tango.session;

import dev.tango.session.InvalidSessionInputException.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounds of a transcript: per segment, per batch and per session. A batch that breaks any of them is refused with
 * every violation listed, each named by its JSON path ({@code segments[3].text}).
 */
public final class TranscriptLimits {

    /** Segments in one append request. An import is bounded by the session's limits instead. */
    public static final int SEGMENTS_PER_BATCH = 200;

    /** Segments in one {@code TranscriptAppended} event, so that an import never makes an oversized Kafka record. */
    public static final int SEGMENTS_PER_EVENT = 200;

    public static final int SEGMENTS_PER_SESSION = 5_000;
    public static final int CHARACTERS_PER_SESSION = 200_000;
    public static final int CHARACTERS_PER_SEGMENT = 2_000;

    /** No session or recording runs longer than this; an offset beyond it is a typing error (the same bound as phase offsets). */
    public static final long MAX_OFFSET_MS = 86_400_000L;

    /** How much of an unreadable line an error repeats: enough to find it. */
    public static final int LINE_SHOWN = 200;

    private TranscriptLimits() {}

    static void check(List<SegmentDraft> drafts, TranscriptSummary existing, boolean imported) {
        List<Violation> violations = new ArrayList<>();
        if (drafts.isEmpty()) {
            violations.add(new Violation("segments", "must hold at least one segment"));
        }
        if (!imported && drafts.size() > SEGMENTS_PER_BATCH) {
            violations.add(
                    new Violation("segments", "must hold at most " + SEGMENTS_PER_BATCH + " segments per request"));
        }
        if (existing.segments() + drafts.size() > SEGMENTS_PER_SESSION) {
            violations.add(new Violation(
                    "segments",
                    "would make " + (existing.segments() + drafts.size())
                            + " segments; a session's transcript holds at most " + SEGMENTS_PER_SESSION));
        }
        long characters = existing.characters();
        Long previousStart = existing.lastStartMs();
        for (int i = 0; i < drafts.size(); i++) {
            SegmentDraft draft = drafts.get(i);
            String at = "segments[" + i + "]";
            if (draft == null) {
                violations.add(new Violation(at, "must not be null"));
                continue;
            }
            if (draft.speaker() == null) {
                violations.add(new Violation(at + ".speaker", "must be COACH or CLIENT"));
            }
            if (draft.text() == null || draft.text().isBlank()) {
                violations.add(new Violation(at + ".text", "must not be blank"));
            } else {
                characters += draft.text().length();
                if (draft.text().length() > CHARACTERS_PER_SEGMENT) {
                    violations.add(
                            new Violation(at + ".text", "must be at most " + CHARACTERS_PER_SEGMENT + " characters"));
                }
            }
            if (draft.startMs() < 0 || draft.startMs() > MAX_OFFSET_MS) {
                violations.add(new Violation(at + ".startMs", "must be between 0 and " + MAX_OFFSET_MS));
            } else if (previousStart != null && draft.startMs() < previousStart) {
                violations.add(new Violation(
                        at + ".startMs", "must not be earlier than the segment before it (" + previousStart + " ms)"));
            }
            if (draft.endMs() < draft.startMs() || draft.endMs() > MAX_OFFSET_MS) {
                violations.add(new Violation(at + ".endMs", "must be between startMs and " + MAX_OFFSET_MS));
            }
            previousStart = draft.startMs();
        }
        if (characters > CHARACTERS_PER_SESSION) {
            violations.add(new Violation(
                    "segments",
                    "would make " + characters + " characters of transcript; a session holds at most "
                            + CHARACTERS_PER_SESSION));
        }
        if (!violations.isEmpty()) {
            throw new InvalidSessionInputException(violations);
        }
    }
}

package dev.tango.session;

import dev.tango.events.session.TranscriptSegment;
import java.util.List;

/**
 * How much transcript a session has: the number of segments, their characters, and where the last one starts and
 * ends (the next segment may not start earlier). The segments themselves are stored apart from the session's state.
 *
 * @param lastStartMs {@code null} while there are no segments
 * @param lastEndMs {@code null} while there are no segments
 */
public record TranscriptSummary(int segments, int characters, Long lastStartMs, Long lastEndMs) {

    public static final TranscriptSummary EMPTY = new TranscriptSummary(0, 0, null, null);

    TranscriptSummary plus(List<TranscriptSegment> added) {
        if (added.isEmpty()) {
            return this;
        }
        TranscriptSegment last = added.get(added.size() - 1);
        int text = added.stream().mapToInt(segment -> segment.text().length()).sum();
        long end = Math.max(
                lastEndMs == null ? 0 : lastEndMs,
                added.stream().mapToLong(TranscriptSegment::endMs).max().orElse(0));
        return new TranscriptSummary(segments + added.size(), characters + text, last.startMs(), end);
    }
}

package dev.tango.gateway.ui;

import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.gateway.security.TangoPrincipal;
import dev.tango.gateway.ui.client.Formats;
import dev.tango.gateway.ui.client.SessionDetail;
import dev.tango.gateway.user.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The session console as the page renders it for one person at one moment: the moves they may make now, each with
 * its keyboard shortcut, the clock of a LIVE session, the time code a REVIEW session's next move may not go below, and
 * the timeline of the phases entered so far.
 *
 * <p>A LIVE session's timeline runs on the wall clock from {@code startedAt}; a REVIEW session's on the offsets into
 * the recording (the OPENING starts at 0, and the last phase runs to the end of the transcript when there is one).
 */
record SessionConsole(
        SessionDetail session,
        boolean mayManage,
        List<Move> moves,
        Clock clock,
        List<Segment> segments,
        List<PhaseTotal> totals,
        List<String> notEntered,
        long spanMs,
        Long minTimeCodeMs) {

    /** Keys 1 to 5 stand for the phases in their natural order. */
    static final List<Shortcut> SHORTCUTS = Arrays.stream(Phase.values())
            .map(phase -> new Shortcut(shortcutOf(phase.name()), Formats.label(phase.name())))
            .toList();

    static SessionConsole of(SessionDetail session, TangoPrincipal me, Instant now) {
        boolean mayManage = session.mentorIds().contains(me.subject())
                || (me.hasRole(Role.ADMIN) && me.programs().contains(ProgramId.of(session.programId())));
        List<Move> moves = session.inProgress()
                ? session.allowedMoves().stream()
                        .filter(SessionConsole::isPhase)
                        .sorted((a, b) -> Integer.compare(order(a), order(b)))
                        .map(phase -> new Move(phase, Formats.label(phase), shortcutOf(phase)))
                        .toList()
                : List.of();
        List<Segment> segments = session.review() ? reviewSegments(session) : liveSegments(session, now);
        long span = segments.stream().mapToLong(Segment::endMs).max().orElse(0);
        Map<Phase, Long> totalByPhase = new EnumMap<>(Phase.class);
        segments.forEach(segment -> totalByPhase.merge(Phase.valueOf(segment.phase()), segment.lengthMs(), Long::sum));
        List<PhaseTotal> totals = totalByPhase.entrySet().stream()
                .map(entry -> new PhaseTotal(
                        entry.getKey().name(),
                        Formats.label(entry.getKey().name()),
                        entry.getValue(),
                        Formats.timeCode(entry.getValue()),
                        span <= 0 ? 0 : Math.round(entry.getValue() * 100.0 / span)))
                .toList();
        List<String> notEntered = Arrays.stream(Phase.values())
                .filter(phase -> !totalByPhase.containsKey(phase))
                .map(phase -> Formats.label(phase.name()))
                .toList();
        Long minTimeCode = session.review()
                ? session.phases().stream()
                        .map(SessionDetail.PhaseEntry::offsetMs)
                        .filter(offset -> offset != null)
                        .reduce(Long::max)
                        .orElse(0L)
                : null;
        return new SessionConsole(
                session,
                mayManage,
                moves,
                Clock.of(session, now),
                segments.stream().map(segment -> segment.within(span)).toList(),
                totals,
                notEntered,
                span,
                minTimeCode);
    }

    static boolean isPhase(String name) {
        return Arrays.stream(Phase.values()).anyMatch(phase -> phase.name().equals(name));
    }

    static String shortcutOf(String phase) {
        return String.valueOf(order(phase) + 1);
    }

    private static int order(String phase) {
        return Phase.valueOf(phase).ordinal();
    }

    private static List<Segment> liveSegments(SessionDetail session, Instant now) {
        List<SessionDetail.PhaseEntry> phases = session.phases();
        if (phases.isEmpty() || session.startedAt() == null) {
            return List.of();
        }
        Instant origin = session.startedAt();
        Instant last = session.endedAt() != null
                ? session.endedAt()
                : session.cancelledAt() != null ? session.cancelledAt() : now;
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            SessionDetail.PhaseEntry entry = phases.get(i);
            Instant until = i + 1 < phases.size() ? phases.get(i + 1).enteredAt() : last;
            long start = Math.max(0, Duration.between(origin, entry.enteredAt()).toMillis());
            long end = Math.max(start, Duration.between(origin, until).toMillis());
            boolean open = i + 1 == phases.size() && session.inProgress();
            segments.add(Segment.of(i + 1, entry, start, end, open));
        }
        return segments;
    }

    private static List<Segment> reviewSegments(SessionDetail session) {
        List<SessionDetail.PhaseEntry> phases = session.phases();
        List<Segment> segments = new ArrayList<>();
        long previous = 0;
        long[] starts = new long[phases.size()];
        for (int i = 0; i < phases.size(); i++) {
            Long offset = phases.get(i).offsetMs();
            previous = offset == null ? previous : Math.max(previous, offset);
            starts[i] = previous;
        }
        Long transcriptEnd =
                session.transcript() == null ? null : session.transcript().lastEndMs();
        for (int i = 0; i < phases.size(); i++) {
            long start = starts[i];
            long end = i + 1 < phases.size()
                    ? starts[i + 1]
                    : Math.max(start, transcriptEnd == null ? start : transcriptEnd);
            boolean open = i + 1 == phases.size() && session.inProgress();
            segments.add(Segment.of(i + 1, phases.get(i), start, end, open));
        }
        return segments;
    }

    private static String percent(long part, long whole) {
        return whole <= 0 ? "0" : String.format(Locale.ROOT, "%.3f", part * 100.0 / whole);
    }

    /** session-service takes one transcript file per session, from its mentors and admins, once it has started. */
    public boolean mayImport() {
        return mayManage && (session.inProgress() || session.ended()) && !session.hasTranscript();
    }

    public boolean hasSegments() {
        return !segments.isEmpty();
    }

    public String spanText() {
        return Formats.timeCode(spanMs);
    }

    public String minTimeCode() {
        return minTimeCodeMs == null ? "" : Formats.timeCode(minTimeCodeMs);
    }

    /** What the bar says to someone who cannot see it; the same numbers are in the table under it. */
    public String barDescription() {
        StringBuilder text = new StringBuilder("Timeline of the phases: ");
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            text.append(i == 0 ? "" : ", ").append(segment.label()).append(' ').append(segment.lengthText());
        }
        return text.append('.').toString();
    }

    public List<Shortcut> shortcuts() {
        return SHORTCUTS;
    }

    /** A move the session may make now, and the key that makes it. */
    record Move(String phase, String label, String key) {}

    /** A key and the phase it moves to. */
    record Shortcut(String key, String label) {}

    /** Total time in a phase over all its visits, and its share of the timeline in whole percent. */
    record PhaseTotal(String phase, String label, long ms, String text, long share) {}

    /**
     * One visit of a phase on the timeline: from {@code startMs} to {@code endMs} after the start (LIVE) or into the
     * recording (REVIEW); {@code open} while it is the phase the session is in. {@code x} and {@code width} place it
     * on a bar 100 units wide.
     */
    record Segment(
            int number,
            String phase,
            String label,
            Instant enteredAt,
            Long offsetMs,
            long startMs,
            long endMs,
            boolean open,
            String x,
            String width) {

        static Segment of(int number, SessionDetail.PhaseEntry entry, long start, long end, boolean open) {
            return new Segment(
                    number,
                    entry.phase(),
                    Formats.label(entry.phase()),
                    entry.enteredAt(),
                    entry.offsetMs(),
                    start,
                    end,
                    open,
                    "0",
                    "0");
        }

        Segment within(long span) {
            return new Segment(
                    number,
                    phase,
                    label,
                    enteredAt,
                    offsetMs,
                    startMs,
                    endMs,
                    open,
                    percent(startMs, span),
                    percent(endMs - startMs, span));
        }

        public long lengthMs() {
            return endMs - startMs;
        }

        public String lengthText() {
            return Formats.timeCode(lengthMs());
        }

        public String startText() {
            return Formats.timeCode(startMs);
        }

        public String shortcut() {
            return shortcutOf(phase);
        }
    }

    /**
     * The clock of a LIVE session, as epoch milliseconds for the script that runs it and as text for the first
     * render (and for browsers without JavaScript). {@code serverNow} lets the script correct for the browser's clock.
     */
    record Clock(
            boolean running,
            Long startedAtMs,
            Long phaseSinceMs,
            long serverNowMs,
            String elapsed,
            String inPhase,
            String phaseLabel) {

        static Clock of(SessionDetail session, Instant now) {
            if (session.startedAt() == null || session.phases().isEmpty()) {
                return new Clock(false, null, null, now.toEpochMilli(), Formats.clock(0), Formats.clock(0), "");
            }
            Instant until = session.endedAt() != null
                    ? session.endedAt()
                    : session.cancelledAt() != null ? session.cancelledAt() : now;
            SessionDetail.PhaseEntry current =
                    session.phases().get(session.phases().size() - 1);
            return new Clock(
                    session.inProgress() && !session.review(),
                    session.startedAt().toEpochMilli(),
                    current.enteredAt().toEpochMilli(),
                    now.toEpochMilli(),
                    Formats.clock(Duration.between(session.startedAt(), until).toMillis()),
                    Formats.clock(Duration.between(current.enteredAt(), until).toMillis()),
                    Formats.label(current.phase()));
        }
    }
}

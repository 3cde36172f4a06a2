package dev.tango.session;

import dev.tango.events.Speaker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a transcript in the style of ICF recordings: one line per speaker turn, with its time code. Accepted:
 *
 * <pre>
 * [00:01:23] Coach: How shall we do this work together today?
 * 00:01:23 Coach: ...            00:01:23 - Coach: ...
 * Coach (00:01:23): ...          Coach [00:01:23]: ...
 * </pre>
 *
 * <p>Time codes are {@code h:mm:ss} or {@code mm:ss}, optionally with milliseconds ({@code 00:01:23.500}). Speakers
 * named Coach or Student (coach) are the COACH, Client or Coachee the CLIENT, ignoring case; other names are mapped by
 * the caller. Blank lines are skipped. Each turn ends where the next one starts; the last one ends where it starts.
 *
 * <p>Every line that cannot be read is reported with its number (from 1) and the reason; the caller decides whether
 * to refuse the file or skip those lines.
 */
public final class TranscriptParser {

    private static final String TIME = "(\\d{1,2}(?::\\d{1,2}){1,2}(?:[.,]\\d{1,3})?)";
    private static final String NAME = "([^:\\[\\]()]{1,60}?)";
    private static final List<Pattern> FORMATS = List.of(
            Pattern.compile("^\\[" + TIME + "]\\s*(?:[-–]\\s*)?" + NAME + "\\s*:\\s*(.*)$"),
            Pattern.compile("^" + TIME + "\\s+(?:[-–]\\s*)?" + NAME + "\\s*:\\s*(.*)$"),
            Pattern.compile("^" + NAME + "\\s*[(\\[]" + TIME + "[)\\]]\\s*:\\s*(.*)$"));
    private static final Pattern STARTS_WITH_NAME = Pattern.compile("^[^\\d\\[]");

    private static final Map<String, Speaker> DEFAULT_SPEAKERS = Map.of(
            "coach", Speaker.COACH,
            "student", Speaker.COACH,
            "student coach", Speaker.COACH,
            "client", Speaker.CLIENT,
            "coachee", Speaker.CLIENT);

    private TranscriptParser() {}

    /**
     * @param speakers names as they appear in the file, mapped to roles; they come before the default names
     */
    public static Result parse(String text, Map<String, Speaker> speakers) {
        Map<String, Speaker> roles = new LinkedHashMap<>(DEFAULT_SPEAKERS);
        if (speakers != null) {
            speakers.forEach((name, role) -> roles.put(normalized(name), role));
        }
        List<Turn> turns = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R", -1);
        Long previousStart = null;
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = (i == 0 ? lines[i].replace("\uFEFF", "") : lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            Matched matched = match(line);
            if (matched == null) {
                errors.add(LineError.of(
                        number, line, "expected a time code and a speaker, e.g. \"[00:01:23] Coach: ...\""));
                continue;
            }
            Long startMs = millis(matched.time());
            if (startMs == null) {
                errors.add(LineError.of(
                        number,
                        line,
                        "\"" + matched.time() + "\" is not a time code: minutes and seconds run from 00 to 59"));
                continue;
            }
            Speaker speaker = roles.get(normalized(matched.name()));
            if (speaker == null) {
                errors.add(LineError.of(
                        number,
                        line,
                        "unknown speaker \"" + matched.name().strip()
                                + "\": map the name to COACH or CLIENT in speakers"));
                continue;
            }
            String said = matched.text().strip();
            if (said.isEmpty()) {
                errors.add(LineError.of(number, line, "nothing is said after the speaker"));
                continue;
            }
            if (said.length() > TranscriptLimits.CHARACTERS_PER_SEGMENT) {
                errors.add(LineError.of(
                        number,
                        line,
                        "the turn is longer than " + TranscriptLimits.CHARACTERS_PER_SEGMENT + " characters"));
                continue;
            }
            if (startMs > TranscriptLimits.MAX_OFFSET_MS) {
                errors.add(LineError.of(number, line, "the time code is beyond 24 hours"));
                continue;
            }
            if (previousStart != null && startMs < previousStart) {
                errors.add(LineError.of(number, line, "starts at " + matched.time() + ", before the turn above it"));
                continue;
            }
            previousStart = startMs;
            turns.add(new Turn(speaker, said, startMs));
        }
        List<SegmentDraft> segments = new ArrayList<>(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            long endMs = i + 1 < turns.size() ? turns.get(i + 1).startMs() : turn.startMs();
            segments.add(new SegmentDraft(turn.speaker(), turn.text(), turn.startMs(), endMs));
        }
        return new Result(segments, errors);
    }

    private static Matched match(String line) {
        for (int format = 0; format < FORMATS.size(); format++) {
            if (format == 2 && !STARTS_WITH_NAME.matcher(line).find()) {
                continue;
            }
            Matcher matcher = FORMATS.get(format).matcher(line);
            if (matcher.matches()) {
                return format == 2
                        ? new Matched(matcher.group(2), matcher.group(1), matcher.group(3))
                        : new Matched(matcher.group(1), matcher.group(2), matcher.group(3));
            }
        }
        return null;
    }

    // h:mm:ss or mm:ss, with optional milliseconds; null when minutes or seconds are out of range.
    private static Long millis(String time) {
        String[] fraction = time.split("[.,]");
        String[] parts = fraction[0].split(":");
        long hours = parts.length == 3 ? Long.parseLong(parts[0]) : 0;
        long minutes = Long.parseLong(parts[parts.length - 2]);
        long seconds = Long.parseLong(parts[parts.length - 1]);
        if (minutes > 59 || seconds > 59) {
            return null;
        }
        long millis = 0;
        if (fraction.length == 2) {
            String digits = (fraction[1] + "00").substring(0, 3);
            millis = Long.parseLong(digits);
        }
        return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
    }

    private static String normalized(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The turns read, in order, and the lines that could not be read. */
    public record Result(List<SegmentDraft> segments, List<LineError> errors) {

        public Result {
            segments = List.copyOf(segments);
            errors = List.copyOf(errors);
        }
    }

    /** A line that could not be read: its number from 1, its text, and why. */
    public record LineError(int line, String text, String reason) {

        // A line is shown as far as it helps to find it, not in full.
        static LineError of(int line, String text, String reason) {
            String shown = text.length() > TranscriptLimits.LINE_SHOWN
                    ? text.substring(0, TranscriptLimits.LINE_SHOWN) + "…"
                    : text;
            return new LineError(line, shown, reason);
        }
    }

    private record Matched(String time, String name, String text) {}

    private record Turn(Speaker speaker, String text, long startMs) {}
}

package dev.tango.gateway.ui.client;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the pages write and read times and phase names. A time code is an offset into a recording, typed as
 * {@code hh:mm:ss} or {@code mm:ss}; {@code static/js/tango.js} checks the same pattern before a form is sent.
 */
public final class Formats {

    /** The longest recording session-service accepts an offset into: a day. */
    public static final long MAX_TIME_CODE_MS = 86_400_000L;

    /** {@code h:mm:ss} / {@code hh:mm:ss} (minutes and seconds 00-59), or {@code m:ss} to {@code mmm:ss}. */
    public static final String TIME_CODE_PATTERN = "(?:(\\d{1,2}):([0-5]\\d)|(\\d{1,3})):([0-5]\\d)";

    private static final Pattern TIME_CODE = Pattern.compile(TIME_CODE_PATTERN);

    private Formats() {}

    /**
     * The milliseconds a time code stands for, or empty if it is not one: {@code 01:02:03}, {@code 1:02:03},
     * {@code 12:34} and {@code 75:00} are, {@code 1:2}, {@code 12:60} and {@code 1h} are not; nor is anything over a
     * day.
     */
    public static OptionalLong parseTimeCode(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        Matcher matcher = TIME_CODE.matcher(text.strip());
        if (!matcher.matches()) {
            return OptionalLong.empty();
        }
        long hours = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
        long minutes = Long.parseLong(matcher.group(1) == null ? matcher.group(3) : matcher.group(2));
        long seconds = Long.parseLong(matcher.group(4));
        long millis = ((hours * 60 + minutes) * 60 + seconds) * 1000;
        return millis > MAX_TIME_CODE_MS ? OptionalLong.empty() : OptionalLong.of(millis);
    }

    /** An offset into a recording as {@code m:ss}, or {@code h:mm:ss} from an hour on; whole seconds, rounded down. */
    public static String timeCode(long millis) {
        long seconds = Math.max(0, millis) / 1000;
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** A running clock: always {@code hh:mm:ss}; whole seconds, rounded down. */
    public static String clock(long millis) {
        long seconds = Math.max(0, millis) / 1000;
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** {@code OPENING} as {@code Opening}, {@code MEANING_MAKING} as {@code Meaning making}. */
    public static String label(String constant) {
        if (constant == null || constant.isEmpty()) {
            return "";
        }
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

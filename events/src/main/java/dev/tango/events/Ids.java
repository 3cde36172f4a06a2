package dev.tango.events;

import java.util.regex.Pattern;

/** Shared rules for typed ids: they travel in URLs, Kafka keys and Mongo ids, so they stay short and plain. */
public final class Ids {

    public static final int MAX_LENGTH = 64;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

    private Ids() {}

    public static boolean isValid(String value) {
        return value != null
                && !value.isEmpty()
                && value.length() <= MAX_LENGTH
                && ALLOWED.matcher(value).matches();
    }

    static void requireValid(String value, String kind) {
        if (!isValid(value)) {
            throw new IllegalArgumentException(kind + " must be 1-" + MAX_LENGTH
                    + " characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
    }
}

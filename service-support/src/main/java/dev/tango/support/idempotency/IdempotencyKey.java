package dev.tango.support.idempotency;

/**
 * The value of an {@code Idempotency-Key} request header: 1 to 255 visible ASCII characters (no space, no control
 * characters), compared exactly. A UUID is the usual choice.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;
    public static final String RULE = "must be 1 to " + MAX_LENGTH + " visible ASCII characters";

    public IdempotencyKey {
        if (!isValid(value)) {
            throw new IllegalArgumentException(HEADER + " " + RULE);
        }
    }

    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}

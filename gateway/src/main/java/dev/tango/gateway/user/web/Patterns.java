package dev.tango.gateway.user.web;

/** The typed-id rule of the events module, as a bean-validation pattern. */
public final class Patterns {

    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]*";
    public static final String ID_MESSAGE =
            "must be letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

    /**
     * No whitespace, control or invisible formatting characters (zero-width space, BOM, direction overrides) in an
     * email: "ana@tango.local\u200b" would be a look-alike second account. Found by the hostile input suite.
     */
    public static final String VISIBLE = "[^\\s\\p{Cc}\\p{Cf}]*";

    public static final String VISIBLE_MESSAGE = "must not contain spaces, control or invisible characters";

    private Patterns() {}
}

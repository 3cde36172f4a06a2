package dev.tango.gateway.user.web;

/** The typed-id rule of the events module, as a bean-validation pattern. */
public final class Patterns {

    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]*";
    public static final String ID_MESSAGE =
            "must be letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

    private Patterns() {}
}

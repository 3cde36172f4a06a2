package dev.tango.session.web;

/** Bounds the API documents and enforces. */
final class SessionApi {

    /** The typed-id rule of {@code dev.tango.events.Ids}, for the OpenAPI document. */
    static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$";

    /** A day of recording. */
    static final long MAX_OFFSET_MS = 86_400_000L;

    private SessionApi() {}
}

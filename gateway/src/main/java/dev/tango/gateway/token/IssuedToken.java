package dev.tango.gateway.token;

/** A freshly issued token with its plaintext, which is shown this once and never stored. */
public record IssuedToken(ApiToken token, String plaintext) {}

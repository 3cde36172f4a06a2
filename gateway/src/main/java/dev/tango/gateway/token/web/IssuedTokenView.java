package dev.tango.gateway.token.web;

/** The answer to POST /api/tokens: the plaintext {@code token} is shown this once. */
public record IssuedTokenView(TokenView details, String token) {}

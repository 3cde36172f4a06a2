package dev.tango.gateway.security;

/** A sign-in form as posted, with the client address it came from. */
public record LoginAttempt(String email, String password, String clientAddress) {}

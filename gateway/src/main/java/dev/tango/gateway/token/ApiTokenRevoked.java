package dev.tango.gateway.token;

/** Published inside the gateway when a token is revoked, so caches forget its client. */
public record ApiTokenRevoked(ApiToken token) {}

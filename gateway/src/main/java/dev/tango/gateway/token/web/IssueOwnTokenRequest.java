package dev.tango.gateway.token.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Body of POST /api/me/tokens: a personal token for yourself; {@code expiresAt} as for every token. */
public record IssueOwnTokenRequest(
        @NotBlank @Size(max = 100) String name, Instant expiresAt) {}

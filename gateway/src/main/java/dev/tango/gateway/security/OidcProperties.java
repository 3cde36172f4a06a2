package dev.tango.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How users of an external OpenID Connect provider map onto Tango ({@code tango.security.oidc.*}). Claim names may
 * be dotted paths into nested objects, e.g. {@code realm_access.roles} for Keycloak realm roles.
 */
@ConfigurationProperties("tango.security.oidc")
public record OidcProperties(
        @DefaultValue("keycloak") String registrationId,
        @DefaultValue("sub") String userIdClaim,
        @DefaultValue("name") String nameClaim,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("programs") String programsClaim) {}
